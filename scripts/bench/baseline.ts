/**
 * An earlier commit of this project, checked out and installed once for the benchmark's
 * side-by-side build: the issue "Ten thousand articles" measures the cold build at 1,000 articles
 * against commit 32348a1 (level with Starlight then), both built in the same run.
 *
 * The commit is written out with `git archive` (no worktree to prune) into
 * <tmp>/kb-bench-baseline/<sha>/ and installed from its own lockfile, so it builds with the
 * packages it had. Later runs reuse it. Not inside this project: Node does not strip types under
 * node_modules/, and TypeScript and Vitest would take the copy's files for this project's.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './build.ts';

/** The commit the cold build is compared with by default. */
export const BASELINE_COMMIT = '32348a1';

/** Runs a command to its end; rejects with its output when it fails. */
function run(command: string, args: string[], cwd: string, input?: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { cwd, stdio: 'pipe' });
    let out = '';
    proc.stdout.on('data', (data: Buffer) => (out += data));
    proc.stderr.on('data', (data: Buffer) => (out += data));
    if (input) input.pipe(proc.stdin);
    else proc.stdin.end();
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${out.slice(-4000)}`))));
  });
}

/** The project folder of `commit`, written out and installed on first use. */
export async function baselineProject(commit = BASELINE_COMMIT): Promise<{ dir: string; sha: string }> {
  const sha = (await run('git', ['rev-parse', '--verify', `${commit}^{commit}`], ROOT)).trim();
  const dir = path.join(tmpdir(), 'kb-bench-baseline', sha);
  const ready = path.join(dir, '.installed');
  if (existsSync(ready)) return { dir, sha };
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  console.log(`Writing out commit ${sha.slice(0, 7)} for the side-by-side build and installing its packages (once) …`);
  const archive = spawn('git', ['archive', sha], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await run('tar', ['-x', '-C', dir], ROOT, archive.stdout);
  // `npm install`, not `npm ci`: the lockfile of 32348a1 lacks other platforms' optional packages
  // (added later), which `npm ci` refuses; `npm install` keeps the locked versions and adds them.
  await run('npm', ['install', '--no-audit', '--no-fund'], dir);
  await writeFile(ready, `${new Date().toISOString()}\n`);
  return { dir, sha };
}
