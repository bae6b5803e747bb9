import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder (one level above this file). */
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** What a build of the site reads: configuration, code, content and the scripts npm runs. */
const PROJECT_FILES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'content', 'scripts'];

/** A throwaway copy of the project. */
export interface ProjectCopy {
  /** The copy: run npm and astro with this as the working folder. */
  dir: string;
  /** The environment for commands in the copy: its own cache, none of the caller's KB_* folders. */
  env: NodeJS.ProcessEnv;
  /** Deletes the copy and everything built in it. */
  remove(): void;
}

/**
 * Copies the project into a new temporary folder, with a link to its node_modules, for tests
 * that change content and build the real site (unit: npm run new; e2e: a second build for the
 * offline worker).
 *
 * A build must run inside the copy, with its output in the copy's dist/: when the output folder
 * is outside the working folder, Astro writes its prerender chunks under the working folder and
 * then moves them with rename(), which fails (EXDEV) as soon as TMPDIR is on another file
 * system than the project. Built this way, the copy works wherever TMPDIR is.
 */
export function copyProject(name: string): ProjectCopy {
  const work = mkdtempSync(path.join(tmpdir(), `kb-${name}-`));
  const dir = path.join(work, 'site');
  for (const entry of PROJECT_FILES) cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return {
    dir,
    // The default cache folder is inside node_modules, that is, the project's own.
    env: { ...process.env, KB_CONTENT_DIR: undefined, KB_OUT_DIR: undefined, KB_CACHE_DIR: path.join(work, 'cache') },
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
}
