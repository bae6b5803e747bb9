import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseResult {
  path: string;
  scores: Record<Category, number>;
  /** Audits that cost points, for a score below 100: "id (score): title — display value". */
  failing: string[];
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number };
  /** Performance score of every run (the reported run is the median one). */
  performanceRuns: number[];
}

/** The system Chromium, as in playwright.config.ts; else chrome-launcher's own search. */
export const CHROME_PATH = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));

/**
 * Runs Lighthouse with its default (mobile) settings: a Moto G Power-sized screen, simulated
 * slow 4G and 4× CPU slowdown. One Chrome for all pages; each page is loaded cold `runs` times
 * and the run with the median performance score is reported, as Lighthouse recommends, because
 * a busy machine moves the performance score by several points from run to run.
 */
export async function runLighthouse(origin: string, paths: string[], runs = 3): Promise<LighthouseResult[]> {
  const chrome = await chromeLauncher.launch({
    ...(CHROME_PATH && { chromePath: CHROME_PATH }),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const results: LighthouseResult[] = [];
  try {
    for (const path of paths) {
      const attempts: LighthouseResult[] = [];
      for (let i = 0; i < runs; i++) attempts.push(await runOnce(`${origin}${path}`, path, chrome.port));
      attempts.sort((a, b) => a.scores.performance - b.scores.performance);
      const median = attempts[Math.floor(attempts.length / 2)]!;
      results.push({ ...median, performanceRuns: attempts.map((a) => a.scores.performance) });
    }
  } finally {
    chrome.kill();
  }
  return results;
}

async function runOnce(url: string, path: string, port: number): Promise<LighthouseResult> {
  const run = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
  const { lhr } = run;
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${path}: ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
  const failing = CATEGORIES.flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id]!)
      .filter((audit) => audit.score !== null && audit.score < 1)
      .map((audit) => `${c}: ${audit.id} (${audit.score}) ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ''}`),
  );
  const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
  return {
    path,
    scores,
    failing,
    metrics: {
      fcpMs: metric('first-contentful-paint'),
      lcpMs: metric('largest-contentful-paint'),
      tbtMs: metric('total-blocking-time'),
      speedIndexMs: metric('speed-index'),
      cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)),
    },
    performanceRuns: [scores.performance],
  };
}
