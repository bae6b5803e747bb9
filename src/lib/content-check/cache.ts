/**
 * The content check's cache: each article's own results from the last run, kept in one JSON file
 * in the build's cache folder, so that a run after one article changed checks only that
 * article's frontmatter, body and facts again (checkContent in index.ts says what is cached and
 * what every key covers).
 *
 * The file holds what the last run used and nothing else; a file that cannot be read is an
 * empty cache, so deleting it, or a run that was stopped while writing it, costs one full check.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { hashOf, hashOfParts } from '../file-hash.ts';
import { writeWhole } from '../kept-files.ts';
import type { CheckCache } from './index.ts';

/** The code a result depends on: the checks, the schemas, the components' props, the packages. */
export const CHECK_CODE = ['src/lib', 'src/schemas', 'src/components/mdx', 'package-lock.json'];

/** A hash of the checking code in the project at `root`, part of every key. */
export function checkSalt(root: string): string {
  return hashOf(root, CHECK_CODE);
}

/** The cache file for a content folder: one per folder, so that checks of fixtures do not evict the site's. */
export function cacheFileFor(contentDir: string, cacheDir: string): string {
  const folder = hashOfParts(path.resolve(contentDir)).slice(0, 16);
  return path.join(cacheDir, `content-check-${folder}.json`);
}

/** A cache kept in `file`: read once, written by save() with only the entries this run used. */
export function fileCache(file: string): CheckCache & { save(): void } {
  let stored: Record<string, unknown> = {};
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // No cache yet, or not readable: every article is checked.
  }
  const used: Record<string, unknown> = {};
  return {
    get(key) {
      if (Object.hasOwn(stored, key)) used[key] = stored[key];
      return used[key];
    },
    set(key, value) {
      used[key] = value;
    },
    save() {
      mkdirSync(path.dirname(file), { recursive: true });
      writeWhole(file, JSON.stringify(used));
    },
  };
}
