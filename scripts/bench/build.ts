import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STEP_MARK } from '../step-marks.ts';

/** The project folder (two levels above this file). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Time and memory of one step of a build. */
export interface StepResult {
  step: string;
  seconds: number;
  /** Peak resident memory of the build's processes while the step ran, in MB (sampled). */
  peakRssMB: number;
}

export interface BuildResult {
  /** Wall-clock time of the whole build (content check and Astro), in seconds. */
  seconds: number;
  /** CPU time of the build's processes (user and system, Pagefind's too), in seconds: steadier than wall time. */
  cpuSeconds: number;
  /** Peak resident memory of the build: its processes together, in MB. */
  peakRssMB: number;
  /** Each step in the order it ran; steps of the same name (such as "Astro: other") are added up. */
  steps: StepResult[];
  outDir: string;
}

export interface BuildOptions {
  /** The project to build: this one, or a worktree of an older commit. */
  project?: string;
  /** Keep `<workspace>/cache` and `<workspace>/dist` from an earlier build (a warm rebuild). */
  warm?: boolean;
  /** Run the project's content check first, as `npm run build` does (default true). */
  contentCheck?: boolean;
}

const SAMPLE_MS = 50;

/**
 * CPU time of this process's finished children and theirs (cutime + cstime of /proc/self/stat),
 * in seconds: the kernel adds a child's time when it has been waited for, so the difference
 * across one run is that run's CPU time, Pagefind's process included.
 */
function childrenCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
  // After "pid (comm) ", field 3 (state) is index 0, so cutime (16) and cstime (17) are 13 and 14.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** The resident memory of a process and its descendants, in kB, and the peak of each (VmHWM). */
function treeMemory(pid: number): { rssKB: number; hwmKB: Map<number, number> } {
  let rssKB = 0;
  const hwmKB = new Map<number, number>();
  const visit = (id: number, parentCommand?: string) => {
    try {
      const command = readFileSync(`/proc/${id}/cmdline`, 'utf8');
      // A child that has been forked but has not yet run its program (git, Pagefind) shares its
      // parent's pages, and counting them twice would report a spike that never was.
      if (command === parentCommand) return;
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      rssKB += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      hwmKB.set(id, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      for (const task of readdirSync(`/proc/${id}/task`)) {
        for (const child of readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) visit(Number(child), command);
      }
    } catch {
      // The process ended between two reads.
    }
  };
  visit(pid);
  return { rssKB, hwmKB };
}

/**
 * Runs a command and measures it: wall time, and the resident memory of it and every process it
 * starts (Pagefind runs as a binary of its own), sampled every 50 ms and summed, plus each
 * process's own high-water mark, so a short spike between two samples still counts. Lines of
 * the form `STEP_MARK {...}` in its output start a new step.
 */
async function measure(command: string[], options: { cwd: string; env: NodeJS.ProcessEnv; firstStep: string }) {
  const started = performance.timeOrigin + performance.now();
  const cpuBefore = childrenCpuSeconds();
  const proc = spawn(command[0]!, command.slice(1), { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const marks: { at: number; step: string }[] = [{ at: started, step: options.firstStep }];
  const samples: { at: number; rssKB: number }[] = [];
  const peaks = new Map<number, number>();
  const sample = () => {
    if (!proc.pid) return;
    const { rssKB, hwmKB } = treeMemory(proc.pid);
    samples.push({ at: performance.timeOrigin + performance.now(), rssKB });
    for (const [id, kB] of hwmKB) peaks.set(id, Math.max(peaks.get(id) ?? 0, kB));
  };
  const timer = setInterval(sample, SAMPLE_MS);
  let out = '';
  let err = '';
  let pending = '';
  proc.stdout.on('data', (data: Buffer) => {
    out += data;
    pending += data;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) if (line.startsWith(STEP_MARK)) marks.push(JSON.parse(line.slice(STEP_MARK.length)) as { at: number; step: string });
  });
  proc.stderr.on('data', (data: Buffer) => (err += data));
  const code = await new Promise<number | null>((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', resolve);
  });
  clearInterval(timer);
  const ended = performance.timeOrigin + performance.now();
  if (process.env.BENCH_TRACE) appendFileSync(process.env.BENCH_TRACE, `${JSON.stringify({ command, started, marks, samples })}\n`);
  if (code !== 0) {
    const shown = (text: string) => text.split('\n').filter((l) => !l.startsWith(STEP_MARK)).join('\n').slice(-6000);
    throw new Error(`${command.slice(1).join(' ')} failed (exit ${code}):\n${shown(out)}\n${shown(err)}`);
  }
  // The largest single process, whatever it was doing: its kernel high-water mark.
  const largestProcessKB = Math.max(0, ...peaks.values());
  const steps = new Map<string, StepResult>();
  const bounds = [...marks.filter((m) => m.step !== 'end'), { at: ended, step: 'end' }];
  for (let i = 0; i < bounds.length - 1; i++) {
    const { at, step } = bounds[i]!;
    const until = bounds[i + 1]!.at;
    const inStep = samples.filter((s) => s.at >= at && s.at <= until).map((s) => s.rssKB);
    const entry = steps.get(step) ?? { step, seconds: 0, peakRssMB: 0 };
    entry.seconds += (until - at) / 1000;
    entry.peakRssMB = Math.max(entry.peakRssMB, ...inStep.map((kB) => kB / 1024));
    steps.set(step, entry);
  }
  const sampledPeakKB = Math.max(0, ...samples.map((s) => s.rssKB));
  return { seconds: (ended - started) / 1000, cpuSeconds: childrenCpuSeconds() - cpuBefore, peakRssMB: Math.max(sampledPeakKB, largestProcessKB) / 1024, steps: [...steps.values()], out };
}

/**
 * Builds `contentDir` with a project (this one by default) into `<workspace>/dist`, as
 * `npm run build` does: the content check, `astro build` in a child process, so time and
 * memory belong to the build alone, then the steps after Astro (scripts/after-build.ts). Cold
 * by default: the cache (`<workspace>/cache`) and the output are deleted first; `warm` keeps
 * both, for a rebuild after a change.
 *
 * The build runs with the workspace as its working folder: Astro writes its prerender chunks
 * next to an output folder inside the working folder (else into the project's shared .astro/,
 * where parallel builds would collide), and a node_modules link lets those chunks find the
 * project's packages.
 */
export async function buildSite(workspace: string, contentDir: string, { project = ROOT, warm = false, contentCheck = true }: BuildOptions = {}): Promise<BuildResult> {
  const outDir = path.join(workspace, 'dist');
  const cacheDir = path.join(workspace, 'cache');
  if (!warm) {
    await rm(outDir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  }
  await mkdir(workspace, { recursive: true });
  await symlink(path.join(project, 'node_modules'), path.join(workspace, 'node_modules'), 'dir').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const env = {
    ...process.env,
    KB_CONTENT_DIR: path.resolve(contentDir),
    KB_OUT_DIR: outDir,
    KB_CACHE_DIR: cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const steps: StepResult[] = [];
  let seconds = 0;
  let cpuSeconds = 0;
  let peakRssMB = 0;
  if (contentCheck) {
    const check = await measure([process.execPath, path.join(project, 'scripts/check-content.ts'), path.resolve(contentDir)], {
      cwd: project,
      env,
      firstStep: 'Content check (scripts/check-content.ts)',
    });
    steps.push(...check.steps);
    seconds += check.seconds;
    cpuSeconds += check.cpuSeconds;
    peakRssMB = check.peakRssMB;
  }
  const child = fileURLToPath(new URL('./build-child.ts', import.meta.url));
  const astro = await measure([process.execPath, child, project], { cwd: workspace, env, firstStep: 'Astro: start-up and config' });
  const last = astro.out.trim().split('\n').at(-1) ?? '{}';
  const { peakRssMB: nodePeak } = JSON.parse(last) as { peakRssMB: number };
  steps.push(...astro.steps);
  seconds += astro.seconds;
  cpuSeconds += astro.cpuSeconds;
  peakRssMB = Math.max(peakRssMB, astro.peakRssMB, nodePeak);
  // The steps after Astro, in their own process, as `npm run build` runs them. An older commit
  // (the baseline) has no such script: its integrations ran them inside Astro's build.
  const afterBuild = path.join(project, 'scripts/after-build.ts');
  if (existsSync(afterBuild)) {
    const after = await measure([process.execPath, afterBuild], { cwd: project, env: { ...env, KB_STEP_MARKS: '1' }, firstStep: 'After Astro: start-up' });
    steps.push(...after.steps);
    seconds += after.seconds;
    cpuSeconds += after.cpuSeconds;
    peakRssMB = Math.max(peakRssMB, after.peakRssMB);
  }
  return { seconds, cpuSeconds, peakRssMB, steps, outDir };
}
