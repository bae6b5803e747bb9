import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Loader } from 'astro/loaders';
import { bodyOf, readArticleBody, withBodyFromFile, withoutBody } from '../../src/lib/article-body.ts';

type Context = Parameters<Loader['load']>[0];

/** A loader that stores two entries, each with a body, as the glob loader does. */
const storing: Loader = {
  name: 'storing',
  load: async ({ store }) => {
    store.set({ id: 'a', data: { title: 'A' }, body: 'The body.', filePath: 'content/articles/a.mdx' });
    store.set({ id: 'b', data: { title: 'B' }, body: 'Another.' });
  },
};

/** A stand-in for Astro's data store: a class, so its methods live on the prototype. */
class Store {
  entries = new Map<string, Record<string, unknown>>();
  set(entry: Record<string, unknown> & { id: string }) {
    this.entries.set(entry.id, entry);
    return true;
  }
  keys() {
    return [...this.entries.keys()];
  }
}

describe('articles stored without their body', () => {
  it('stores every entry and its fields, but not the body', async () => {
    const store = new Store();
    await withoutBody(storing).load({ store } as unknown as Context);
    expect(store.keys()).toEqual(['a', 'b']);
    expect(store.entries.get('a')).toEqual({ id: 'a', data: { title: 'A' }, body: undefined, filePath: 'content/articles/a.mdx' });
    expect(store.entries.get('b')?.body).toBeUndefined();
  });

  it('keeps the rest of the store working for the loader', async () => {
    const store = new Store();
    let seen: string[] = [];
    const reading: Loader = { name: 'reading', load: async ({ store: s }) => void (s.set({ id: 'x', data: {} }), (seen = s.keys())) };
    await withoutBody(reading).load({ store } as unknown as Context);
    expect(seen).toEqual(['x']);
  });
});

describe('the body read from the file', () => {
  it('is the text after the frontmatter, trimmed, as Astro gives it', () => {
    expect(bodyOf('---\ntitle: A\n---\n\nFirst line.\n\nSecond.\n')).toBe('First line.\n\nSecond.');
    expect(bodyOf('No frontmatter.\n')).toBe('No frontmatter.');
  });

  it('comes from content/articles/<id>.mdx', () => {
    const folder = path.resolve('content/articles/guides');
    const id = `guides/${readdirSync(folder).find((f) => f.endsWith('.mdx'))!.replace(/\.mdx$/, '')}`;
    const source = readFileSync(path.resolve(`content/articles/${id}.mdx`), 'utf8');
    expect(readArticleBody(id)).toBe(bodyOf(source));
    expect(readArticleBody(id).startsWith('---')).toBe(false);
    const entry = withBodyFromFile({ id });
    expect(entry.body).toBe(readArticleBody(id));
    expect(Object.keys(entry)).toContain('body');
  });

  it('is refused for an entry stored with its body, naming the article and the fix', () => {
    expect(() => withBodyFromFile({ id: 'guides/boot-xen', body: 'Stored text.' })).toThrow(/guides\/boot-xen .*withoutBody\(\) in src\/content\.config\.ts/);
    expect(withBodyFromFile<{ id: string; body?: string }>({ id: 'guides/boot-xen', body: undefined }).body).toBe(readArticleBody('guides/boot-xen'));
  });
});
