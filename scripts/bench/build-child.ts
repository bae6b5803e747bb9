/**
 * Runs one production build in this process for build.ts, which samples its memory:
 * node build-child.ts <project root>
 *
 * Prints a line `STEP_MARK {"at": <epoch ms>, "step": "…"}` when each step of the build begins,
 * and the peak memory of this process (JSON) as the last line. The steps come from Astro's own
 * phase timer (what it records in ASTRO_TIMER_PATH: content layer, server and client bundles,
 * page generation) and from the `astro:build:done` hook of each integration (the sitemap; in
 * older commits such as the baseline, Pagefind and the service worker too), so the report shows
 * which step is heavy.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import type { AstroIntegration } from 'astro';
import { stepMark } from '../step-marks.ts';

const root = process.argv[2]!;
const mark = (step: string) => {
  process.stdout.write(stepMark(step));
  if (process.env.BENCH_MEMORY) {
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    const spaces = v8.getHeapSpaceStatistics().map((s) => `${s.space_name.replace('_space', '')} ${mb(s.space_used_size)}`).join(', ');
    process.stderr.write(`[memory] before "${step}": rss ${mb(rss)} MB, heap ${mb(heapUsed)} (${spaces}), external ${mb(external)}, arrayBuffers ${mb(arrayBuffers)}\n`);
  }
};

/** Astro's phase names, as the steps the report shows. */
const PHASES: Record<string, string> = {
  'Sync content layer': 'Astro: content layer (load, parse, validate)',
  'Prerender build': 'Astro: server bundle (Vite, MDX compile)',
  'SSR build': 'Astro: server bundle (Vite, MDX compile)',
  'Client build': 'Astro: client bundle',
  'Static generate': 'Astro: render pages',
};

/**
 * Astro times its phases with an AstroTimer when ASTRO_TIMER_PATH is set; its start() and end()
 * become step marks here. A deep import of Astro's own module (the same file, so the same class);
 * when a later Astro moves it, the build still runs and the report shows fewer steps.
 */
async function markAstroPhases() {
  const require = createRequire(path.join(root, 'package.json'));
  const timerFile = path.join(path.dirname(require.resolve('astro/package.json')), 'dist/core/config/timer.js');
  if (!existsSync(timerFile)) return;
  const { AstroTimer } = (await import(pathToFileURL(timerFile).href)) as {
    AstroTimer: { prototype: { start(name: string): void; end(name: string): void } };
  };
  const { start, end } = AstroTimer.prototype;
  AstroTimer.prototype.start = function (name) {
    if (PHASES[name]) mark(PHASES[name]);
    start.call(this, name);
  };
  AstroTimer.prototype.end = function (name) {
    end.call(this, name);
    if (PHASES[name]) mark('Astro: other');
  };
}

/** Marks the start and end of every integration's astro:build:done hook. */
function markBuildDoneHooks(): AstroIntegration {
  return {
    name: 'kb:bench-steps',
    hooks: {
      'astro:config:done': ({ config }) => {
        for (const integration of config.integrations) {
          const done = integration.hooks['astro:build:done'];
          if (!done || integration.name === 'kb:bench-steps') continue;
          integration.hooks['astro:build:done'] = async (params) => {
            mark(`${integration.name} (astro:build:done)`);
            await done(params);
            mark('Astro: other');
          };
        }
      },
    },
  };
}

/** The project's own Astro (an earlier commit builds with the version it had), from its node_modules. */
const { build } = (await import(pathToFileURL(createRequire(path.join(root, 'package.json')).resolve('astro')).href)) as typeof import('astro');

const timerDir = mkdtempSync(path.join(tmpdir(), 'kb-bench-timer-'));
process.env.ASTRO_TIMER_PATH = path.join(timerDir, 'timer.json');
await markAstroPhases();
mark('Astro: start-up and config');
try {
  await build({ root, logLevel: process.env.BENCH_VERBOSE ? 'info' : 'warn', integrations: [markBuildDoneHooks()] });
} finally {
  rmSync(timerDir, { recursive: true, force: true });
}
mark('end');
// maxRSS is in kilobytes: the peak resident memory of this process (Astro, Vite, the integrations).
console.log(JSON.stringify({ peakRssMB: process.resourceUsage().maxRSS / 1024 }));
