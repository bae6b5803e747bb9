/**
 * Articles are stored in the content layer without their MDX body, and the body is read from
 * the article's file when a page needs it (reading time, the Markdown version, diagram links).
 *
 * Why: Astro writes the whole data store into one JavaScript module that every page imports,
 * and the bodies are most of it (10 of its 12 MB at 1,000 articles). Node's time to compile that
 * one module grows faster than its size: 2.8 s for 12 MB, 10-15 s for 36 MB at 3,000 articles;
 * at 10,000, rendering took 223 s with the bodies in the store and 119 s without. Astro does not
 * need the body of an MDX entry: it renders the file's own module.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { splitFrontmatter } from './content-check/frontmatter.ts';
import { CONTENT_DIR } from './paths.ts';

type DataStore = Parameters<Loader['load']>[0]['store'];

/** `loader`, storing each entry without its body. */
export function withoutBody(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) => loader.load({ ...context, store: storeWithoutBody(context.store) }),
  };
}

/** The store a loader writes to, with `set` dropping the body (its other methods unchanged). */
function storeWithoutBody(store: DataStore): DataStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'set') return (entry: Parameters<DataStore['set']>[0]) => target.set({ ...entry, body: undefined });
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The text after an MDX file's frontmatter, trimmed: what Astro's MDX entries give as `body`. */
export function bodyOf(source: string): string {
  const block = splitFrontmatter(source);
  return (block ? source.split('\n').slice(block.endLine).join('\n') : source).trim();
}

/** The body of the article `<section>/<slug>`, read from content/articles/. */
export function readArticleBody(id: string, contentDir = CONTENT_DIR): string {
  return bodyOf(readFileSync(path.resolve(contentDir, 'articles', `${id}.mdx`), 'utf8'));
}

/**
 * `entry` with a `body` that is read from its file each time it is asked for (not kept). Fails
 * for an entry that was stored with its body: its collection's loader has lost withoutBody().
 */
export function withBodyFromFile<T extends { id: string }>(entry: T): T & { body: string } {
  if (typeof (entry as { body?: unknown }).body === 'string') {
    throw new Error(
      `The article ${entry.id} is stored with its MDX body, which slows every build as the site grows: wrap the articles' loader in withoutBody() in src/content.config.ts (src/lib/article-body.ts says why).`,
    );
  }
  return Object.defineProperty(entry, 'body', { get: () => readArticleBody(entry.id), enumerable: true, configurable: true }) as T & { body: string };
}
