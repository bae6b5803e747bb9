/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page that
 * getStaticPaths() gives a `cacheKey` is copied from the last build, not rendered again, when
 * its key, its code (Astro hashes the page's modules and the stylesheet) and the articles it
 * rendered with render() (Astro hashes each one's compiled MDX) are all unchanged.
 *
 * So a key must cover every other thing the page reads: the data files, the articles'
 * frontmatter (titles of related, previous and next articles, glossary links), and anything
 * else a page takes from outside its own rendered article. `contentFingerprint()` covers all of
 * that at once, so editing the body of one article re-renders only that article's pages, and
 * any other change to the content re-renders every page that has a key.
 */
import { filesOf, hashFiles, hashOfParts } from './file-hash.ts';

/**
 * A hash of the whole content folder except the articles' bodies: every data file (YAML lists,
 * products, the source manifests) byte for byte, and each article's id and frontmatter as the
 * content layer parsed it, in the order given.
 */
export function contentFingerprint(contentDir: string, articles: readonly { id: string; data: unknown }[]): string {
  const hash = hashFiles(contentDir, filesOf(contentDir, ['.'], new Set(['articles'])));
  for (const { id, data } of articles) hash.update(`${id}\0${JSON.stringify(data)}\0`);
  return hash.digest('hex');
}

/** A page's cache key: a hash of the content fingerprint and what only this page reads. */
export function pageCacheKey(fingerprint: string, ...own: (string | undefined)[]): string {
  return hashOfParts(fingerprint, ...own.map((part) => part ?? null));
}
