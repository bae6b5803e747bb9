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
import { hashOfParts } from './file-hash.ts';
import { keptFiles } from './kept-files.ts';

export interface MarkdownCache {
  /** The version of `id` with this body: read, or made by `make` and written. */
  get(id: string, body: string, make: () => string): string;
  /** Deletes every version not asked for since this cache was made (after a whole build's worth). */
  prune(): void;
}

/** A cache in `dir` for versions made with this fingerprint and code. */
export function markdownCache(dir: string, fingerprint: string, codeHash: string): MarkdownCache {
  const files = keptFiles(dir, '.md');
  return {
    get(id, body, make) {
      const key = hashOfParts(codeHash, fingerprint, id, body);
      const kept = files.read(key);
      if (kept !== undefined) return kept;
      const markdown = make();
      files.write(key, markdown);
      return markdown;
    },
    prune: () => files.prune(),
  };
}
