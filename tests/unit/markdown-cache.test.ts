import { readdirSync } from 'node:fs';
import { expect, test } from 'vitest';
import { markdownCache } from '../../src/lib/markdown-cache.ts';
import { tempFolder } from '../temp-folder.ts';

const folder = () => tempFolder('markdown-cache');

/** A converter that says how often it ran. */
function converter() {
  const made: string[] = [];
  return { made, make: (id: string, body: string) => () => (made.push(id), `# ${id}\n\n${body}\n`) };
}

test('a version is made once, then read, in the same build and the next', () => {
  const dir = folder();
  const { made, make } = converter();
  const build = markdownCache(dir, 'content', 'code');
  expect(build.get('guides/boot-xen', 'Boot Xen.', make('guides/boot-xen', 'Boot Xen.'))).toBe('# guides/boot-xen\n\nBoot Xen.\n');
  expect(build.get('guides/boot-xen', 'Boot Xen.', make('guides/boot-xen', 'Boot Xen.'))).toBe('# guides/boot-xen\n\nBoot Xen.\n');
  const next = markdownCache(dir, 'content', 'code');
  expect(next.get('guides/boot-xen', 'Boot Xen.', make('guides/boot-xen', 'Boot Xen.'))).toBe('# guides/boot-xen\n\nBoot Xen.\n');
  expect(made).toEqual(['guides/boot-xen']);
});

test('a new body, other content or other code makes the version again', () => {
  const dir = folder();
  const { made, make } = converter();
  markdownCache(dir, 'content', 'code').get('guides/boot-xen', 'Boot Xen.', make('guides/boot-xen', 'Boot Xen.'));
  expect(markdownCache(dir, 'content', 'code').get('guides/boot-xen', 'Boot Xen 3.4.', make('guides/boot-xen', 'Boot Xen 3.4.'))).toContain('Boot Xen 3.4.');
  markdownCache(dir, 'content 2', 'code').get('guides/boot-xen', 'Boot Xen.', make('guides/boot-xen', 'Boot Xen.'));
  markdownCache(dir, 'content', 'code 2').get('guides/boot-xen', 'Boot Xen.', make('guides/boot-xen', 'Boot Xen.'));
  expect(made).toHaveLength(4);
});

test('prune() keeps only the versions asked for since the cache was made', () => {
  const dir = folder();
  const { make } = converter();
  const first = markdownCache(dir, 'content', 'code');
  first.get('a', 'A.', make('a', 'A.'));
  first.get('b', 'B.', make('b', 'B.'));
  const second = markdownCache(dir, 'content', 'code');
  second.get('a', 'A, edited.', make('a', 'A, edited.'));
  second.prune();
  expect(readdirSync(dir)).toHaveLength(1);
  expect(markdownCache(dir, 'content', 'code').get('a', 'A, edited.', () => 'made again')).toBe('# a\n\nA, edited.\n');
});
