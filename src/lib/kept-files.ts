/**
 * A folder of files kept between builds, one per key (src/integrations/mdx-cache.ts,
 * src/lib/markdown-cache.ts): read a key's file, write it, and after a build delete every file no
 * key of that build asked for, so the folder holds what the last build used and nothing more.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes `text` beside `file`, then renames it: a reader never sees half a file. */
export function writeWhole(file: string, text: string): void {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

export interface KeptFiles {
  /** The text kept for `key`, if there is any; the key counts as used either way. */
  read(key: string): string | undefined;
  /** Keeps `text` for `key`. */
  write(key: string, text: string): void;
  /** Deletes the files of every key not read or written since the last prune (or since made). */
  prune(): void;
  /** How many keys were read or written since the last prune. */
  readonly used: number;
}

/** Files named `<key><suffix>` in `dir` (made if missing). */
export function keptFiles(dir: string, suffix: string): KeptFiles {
  const used = new Set<string>();
  mkdirSync(dir, { recursive: true });
  const file = (key: string) => path.join(dir, `${key}${suffix}`);
  return {
    read(key) {
      used.add(`${key}${suffix}`);
      try {
        return readFileSync(file(key), 'utf8');
      } catch {
        return undefined;
      }
    },
    write(key, text) {
      used.add(`${key}${suffix}`);
      writeWhole(file(key), text);
    },
    prune() {
      for (const name of readdirSync(dir)) if (!used.has(name)) rmSync(path.join(dir, name), { force: true });
      used.clear();
    },
    get used() {
      return used.size;
    },
  };
}
