/**
 * Hashes of files, folders and values, for the build's caches: the compiled articles
 * (src/integrations/mdx-cache.ts), the content check's results (src/lib/content-check/cache.ts),
 * the Markdown versions (src/lib/markdown-cache.ts) and the pages' cache keys (src/lib/page-cache.ts).
 */
import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The files that `names` stand for in `root` (a file stands for itself, a folder for every file
 * inside it, at any depth; one that does not exist for nothing), sorted, as paths relative to
 * `root`. Files whose first folder is in `skip` are left out.
 */
export function filesOf(root: string, names: readonly string[], skip: ReadonlySet<string> = new Set()): string[] {
  const files = names.flatMap((name) => {
    const full = path.join(root, name);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) return [];
    if (!stat.isDirectory()) return [full];
    return readdirSync(full, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name));
  });
  return files
    .map((file) => path.relative(root, file))
    .filter((file) => !skip.has(file.split(path.sep)[0]!))
    .sort();
}

/** `hash` updated with the path (relative to `root`) and the bytes of each file of `files`. */
export function hashFiles(root: string, files: readonly string[], hash: Hash = createHash('sha256')): Hash {
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update('\0');
  return hash;
}

/** A hash (hex) of these values: strings as they are, anything else as JSON, each ended by a NUL. */
export function hashOfParts(...parts: unknown[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(typeof part === 'string' ? part : JSON.stringify(part)).update('\0');
  return hash.digest('hex');
}

/** A hash (hex) of the files that `names` stand for in `root` (see filesOf). */
export function hashOf(root: string, names: readonly string[]): string {
  return hashFiles(root, filesOf(root, names)).digest('hex');
}
