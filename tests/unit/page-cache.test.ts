import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { filesOf, hashOf } from '../../src/lib/file-hash.ts';
import { contentFingerprint, pageCacheKey } from '../../src/lib/page-cache.ts';
import { tempFolder } from '../temp-folder.ts';

/** A content folder with these files. */
function content(files: Record<string, string>): string {
  return tempFolder('page-cache', files);
}

const files = {
  'glossary.yaml': '- id: dom0\n  term: Dom0\n',
  'source/xen-3.4.json': '{"version":"3.4"}',
  'articles/guides/boot-xen.mdx': '---\ntitle: Boot Xen\n---\nThe body.\n',
};
const articles = [{ id: 'guides/boot-xen', data: { title: 'Boot Xen' } }];

test("an article's body is not in the fingerprint: Astro tracks the article a page renders", () => {
  const before = contentFingerprint(content(files), articles);
  const edited = content({ ...files, 'articles/guides/boot-xen.mdx': '---\ntitle: Boot Xen\n---\nA new sentence.\n' });
  expect(contentFingerprint(edited, articles)).toBe(before);
});

test('a data file, a source manifest or any frontmatter changes the fingerprint, so every keyed page renders again', () => {
  const before = contentFingerprint(content(files), articles);
  expect(contentFingerprint(content({ ...files, 'glossary.yaml': '- id: dom0\n  term: Domain 0\n' }), articles)).not.toBe(before);
  expect(contentFingerprint(content({ ...files, 'source/xen-3.4.json': '{"version":"3.4.0"}' }), articles)).not.toBe(before);
  expect(contentFingerprint(content(files), [{ id: 'guides/boot-xen', data: { title: 'Booting Xen' } }])).not.toBe(before);
  // A new article is new frontmatter too (titles of related, previous and next articles).
  expect(contentFingerprint(content(files), [...articles, { id: 'guides/first-pv-guest', data: { title: 'A first PV guest' } }])).not.toBe(before);
});

test("a page's key changes with what only that page reads", () => {
  const fingerprint = contentFingerprint(content(files), articles);
  const key = pageCacheKey(fingerprint, 'guides/boot-xen', '2009-05-18T00:00:00.000Z');
  expect(pageCacheKey(fingerprint, 'guides/boot-xen', '2009-05-18T00:00:00.000Z')).toBe(key);
  expect(pageCacheKey(fingerprint, 'guides/boot-xen', '2009-06-02T00:00:00.000Z')).not.toBe(key);
  expect(pageCacheKey(fingerprint, 'guides/boot-xen', undefined)).not.toBe(key);
  expect(pageCacheKey('another fingerprint', 'guides/boot-xen', '2009-05-18T00:00:00.000Z')).not.toBe(key);
});

test('files are listed in a stable order, folders in full, missing names as nothing', () => {
  const dir = content({ 'b.txt': 'b', 'a/z.txt': 'z', 'a/y/x.txt': 'x', 'articles/skip.mdx': 's' });
  expect(filesOf(dir, ['b.txt', 'a', 'missing.json'])).toEqual(['a/y/x.txt', 'a/z.txt', 'b.txt']);
  expect(filesOf(dir, ['.'], new Set(['articles']))).toEqual(['a/y/x.txt', 'a/z.txt', 'b.txt']);
  const hash = hashOf(dir, ['a']);
  writeFileSync(path.join(dir, 'a/y/x.txt'), 'changed');
  expect(hashOf(dir, ['a'])).not.toBe(hash);
});
