/**
 * The two build steps after Astro, in this order: the Pagefind index of the built site
 * (writeSearchIndex, src/integrations/pagefind.ts), then the offline service worker that
 * precaches it (writeServiceWorker, src/integrations/service-worker.ts). They are the only steps
 * that write into the build after Astro. `npm run build` runs this script last:
 *
 *   node scripts/after-build.ts          the build in KB_OUT_DIR, or dist/
 *
 * A process of its own, started once Astro's has ended: Astro's process keeps most of its peak
 * memory to its end (the bundler's allocator), and Pagefind's process adds its own (0.7 GB at
 * 1,000 articles, 5.3 GB at 10,000). Run in Astro's `astro:build:done`, the two added up; now
 * the build's peak is the larger of them.
 *
 * With KB_STEP_MARKS set, prints a step mark before each step for the benchmark.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { writeSearchIndex } from '../src/integrations/pagefind.ts';
import { describeReport, writeServiceWorker } from '../src/integrations/service-worker.ts';
import { stepMark } from './step-marks.ts';

const site = path.resolve(process.env.KB_OUT_DIR ?? 'dist');
if (!existsSync(path.join(site, 'index.html'))) {
  console.error(`No built site in ${site}: run \`npm run build\` (it runs this script after \`astro build\`).`);
  process.exit(2);
}

/** Runs one step with a step mark before it; returns what it returned and its time in seconds. */
async function step<T>(name: string, run: () => Promise<T>): Promise<[T, string]> {
  if (process.env.KB_STEP_MARKS) process.stdout.write(stepMark(name));
  const started = performance.now();
  const result = await run();
  return [result, `${((performance.now() - started) / 1000).toFixed(1)} s`];
}

try {
  const [pages, indexTime] = await step('Pagefind index (scripts/after-build.ts)', () => writeSearchIndex(site));
  console.log(`✓ Search index: ${pages} pages read, those with data-pagefind-body indexed (${indexTime}).`);
  const [report, workerTime] = await step('Service worker (scripts/after-build.ts)', () => writeServiceWorker(site));
  for (const warning of report.warnings) console.warn(`Warning (service worker): ${warning}`);
  if (report.size > report.budgetBytes) {
    console.warn(`Warning: ${describeReport(report)}. Even the shell is over the budget: the search index has outgrown it (see "Offline use" in README.md).`);
  } else {
    console.log(`✓ ${describeReport(report)} (${workerTime}).`);
  }
} catch (error) {
  console.error(`The build's last steps failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
