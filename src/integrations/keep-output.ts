import { readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** A git checkout kept in the output folder (a pages branch, for example) is not the build's. */
const isGit = (name: string) => name === '.git' || name.startsWith(`.git${path.sep}`);

/**
 * Each file in `dir` (recursively, by path relative to it) with its change time in nanoseconds,
 * leaving out a `.git` folder.
 */
export function changeTimes(dir: string): Map<string, bigint> {
  const times = new Map<string, bigint>();
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return times;
  }
  for (const name of names) {
    if (isGit(name)) continue;
    const stats = statSync(path.join(dir, name), { bigint: true, throwIfNoEntry: false });
    if (stats?.isFile()) times.set(name, stats.ctimeNs);
  }
  return times;
}

/**
 * Deletes from `dir` every file whose change time is still the one in `before` (nothing wrote it
 * since) unless it is one of `kept` (paths relative to `dir`), then the folders left empty.
 * Returns how many files it deleted.
 */
export function deleteUnwritten(dir: string, before: Map<string, bigint>, kept: Set<string>): number {
  let deleted = 0;
  for (const [name, ctime] of changeTimes(dir)) {
    if (before.get(name) !== ctime || kept.has(name)) continue;
    rmSync(path.join(dir, name), { force: true });
    deleted++;
  }
  removeEmptyFolders(dir);
  return deleted;
}

/** Removes the folders inside `dir` that hold no file; returns whether `dir` holds none. */
function removeEmptyFolders(dir: string): boolean {
  let empty = true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const inner = path.join(dir, entry.name);
    if (entry.isDirectory() && !isGit(entry.name) && removeEmptyFolders(inner)) rmdirSync(inner);
    else empty = false;
  }
  return empty;
}

/**
 * Keeps the last build's output folder instead of letting Astro empty it first, and deletes at
 * the end of the build every file that is not part of this build: pages of deleted articles,
 * assets whose hash changed, the last build's search index and service worker
 * (scripts/after-build.ts writes both again). So `dist/` holds exactly what this build made, as
 * after emptying it.
 *
 * Why: in a rebuild most pages are unchanged (Astro's incremental build, src/lib/page-cache.ts).
 * With an emptied folder Astro copies each of them back from its cache; with the folder kept it
 * leaves the page that is already there. At 1,000 articles that saves emptying 4,500 files and
 * copying 2,000 back, about 2 s.
 *
 * A file is part of this build when the build wrote it (its change time, ctime, which every
 * write, copy over it or rename onto it sets and nothing can set back, differs from the one it
 * had when the build started; no clock is compared) or when it is the output file of a page
 * Astro left in place (the pages' `distURL`s that `astro:build:done` passes as `assets`).
 *
 * Must come last among the integrations: other integrations write files in `astro:build:done`
 * (the sitemap), and this hook, which deletes what was not written, has to run after theirs.
 */
export default function keepOutput(): AstroIntegration {
  let outDir = '';
  let before = new Map<string, bigint>();
  return {
    name: 'kb:keep-output',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        before = changeTimes(outDir);
      },
      'astro:build:done': ({ assets, logger }) => {
        if (before.size === 0) return;
        const pages = new Set([...assets.values()].flat().map((url) => path.relative(outDir, fileURLToPath(url))));
        const deleted = deleteUnwritten(outDir, before, pages);
        logger.info(`Kept the output folder: ${deleted} file${deleted === 1 ? '' : 's'} of the last build that this one did not write deleted.`);
      },
    },
  };
}
