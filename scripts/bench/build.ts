import { spawn } from 'node:child_process';
import { mkdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder (two levels above this file). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildResult {
  /** Wall-clock time of the whole child process, in seconds. */
  seconds: number;
  /** Peak resident memory of the build process, in MB. */
  peakRssMB: number;
  outDir: string;
}

/**
 * Builds the site from `contentDir` into `<workspace>/dist` with a cold cache
 * (`<workspace>/cache`), in a child process so time and memory belong to the build alone.
 *
 * The build runs with the workspace as its working folder: Astro writes its prerender chunks
 * next to an output folder inside the working folder (else into the project's shared .astro/,
 * where parallel builds would collide), and a node_modules link lets those chunks find the
 * project's packages.
 */
export async function buildSite(workspace: string, contentDir: string): Promise<BuildResult> {
  const outDir = path.join(workspace, 'dist');
  await rm(outDir, { recursive: true, force: true });
  await rm(path.join(workspace, 'cache'), { recursive: true, force: true });
  await mkdir(workspace, { recursive: true });
  await symlink(path.join(ROOT, 'node_modules'), path.join(workspace, 'node_modules'), 'dir').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const child = fileURLToPath(new URL('./build-child.ts', import.meta.url));
  const started = performance.now();
  const output = await new Promise<string>((resolve, reject) => {
    const proc = spawn(process.execPath, [child, ROOT], {
      cwd: workspace,
      env: {
        ...process.env,
        KB_CONTENT_DIR: path.resolve(contentDir),
        KB_OUT_DIR: outDir,
        KB_CACHE_DIR: path.join(workspace, 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`build failed (exit ${code}):\n${out.slice(-4000)}\n${err.slice(-4000)}`))));
  });
  const seconds = (performance.now() - started) / 1000;
  const last = output.trim().split('\n').at(-1) ?? '{}';
  const { peakRssMB } = JSON.parse(last) as { peakRssMB: number };
  return { seconds, peakRssMB, outDir };
}
