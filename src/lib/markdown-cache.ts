/**
 * The Markdown versions of the articles, kept between builds in the build's cache folder.
 *
 * Why: llms-full.txt holds every article's Markdown version and is made again on every build
 * (2.2 s at 1,000 articles), while a rebuild after one article changed reuses every other
 * article's .md page; and a cold build made each version twice, for its .md page and for
 * llms-full.txt. Here each version is made once and read after that.
 *
 * A version depends on the article (its id and body), on the content fingerprint (its
 * frontmatter, the data files and manifests, other articles' titles: src/lib/page-cache.ts) and on
 * the code that converts it (`codeHash`: the project's src/ and packages, hashed by
 * astro.config.mjs). The file is named by a hash of all of them, so it is never stale.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface MarkdownCache {
  /** The version of `id` with this body: read, or made by `make` and written. */
  get(id: string, body: string, make: () => string): string;
  /** Deletes every version not asked for since this cache was made (after a whole build's worth). */
  prune(): void;
}

/** A cache in `dir` for versions made with this fingerprint and code. */
export function markdownCache(dir: string, fingerprint: string, codeHash: string): MarkdownCache {
  const used = new Set<string>();
  mkdirSync(dir, { recursive: true });
  return {
    get(id, body, make) {
      const name = `${createHash('sha256').update(JSON.stringify([codeHash, fingerprint, id, body])).digest('hex')}.md`;
      used.add(name);
      const file = path.join(dir, name);
      try {
        return readFileSync(file, 'utf8');
      } catch {
        const markdown = make();
        // Written beside it, then renamed: a reader never sees half a file.
        const partial = `${file}.${process.pid}.tmp`;
        writeFileSync(partial, markdown);
        renameSync(partial, file);
        return markdown;
      }
    },
    prune() {
      for (const name of readdirSync(dir)) if (!used.has(name)) rmSync(path.join(dir, name), { force: true });
    },
  };
}
