import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Read access to a source tree on disk, by paths relative to its root with forward slashes. */
export interface SourceTree {
  /** Every file under `folder` ('' for the whole tree), sorted. */
  list(folder?: string): string[];
  /** A file's text (Latin-1 bytes are read as UTF-8 replacement characters; only names matter). */
  read(file: string): string;
  /** Whether the file exists. */
  has(file: string): boolean;
}

/** A source tree rooted at `root`; the file list is read once. */
export function treeAt(root: string): SourceTree {
  const all = (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  const set = new Set(all);
  return {
    list: (folder = '') => (folder ? all.filter((file) => file.startsWith(`${folder.replace(/\/$/, '')}/`)) : all),
    read: (file) => readFileSync(path.join(root, file), 'utf8'),
    has: (file) => set.has(file),
  };
}

/**
 * Lines of every text file, for checking that a cited `#L<n>` exists. Files with a NUL byte in
 * their first 8 KiB are binary and left out.
 */
export function lineCounts(root: string, files: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of files) {
    const bytes = readFileSync(path.join(root, file));
    if (bytes.subarray(0, 8192).includes(0)) continue;
    let lines = 0;
    for (const byte of bytes) if (byte === 10) lines++;
    if (bytes.length && bytes[bytes.length - 1] !== 10) lines++;
    counts[file] = lines;
  }
  return counts;
}
