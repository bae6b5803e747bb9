/**
 * Spreading a list over a fixed number of small files by a hash of each item's first characters,
 * for look-ups the browser makes while a reader types (src/lib/name-index.ts for exact names,
 * src/lib/spelling.ts for known words). The words typed on the way to a word (`cpu`, `cpuf`, …
 * `cpufreq`) share its first three characters and so its file; a hash keeps the files alike in
 * size, where first letters do not; and every file exists, empty or not, so no look-up meets a 404.
 */

/** How many characters of an item decide its file. */
export const HASH_PREFIX_LENGTH = 3;

/** The file names of `count` buckets: `00`, `01`, … */
export function bucketIds(count: number): string[] {
  return Array.from({ length: count }, (_, index) => bucketId(index));
}

function bucketId(index: number): string {
  return index.toString().padStart(2, '0');
}

/** The bucket of a text among `count`: FNV-1a of its first HASH_PREFIX_LENGTH characters, the same in the build and the browser. */
export function hashBucket(text: string, count: number): string {
  let hash = 0x811c9dc5;
  for (const char of Array.from(text).slice(0, HASH_PREFIX_LENGTH)) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return bucketId(hash % count);
}
