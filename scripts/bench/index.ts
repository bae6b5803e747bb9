/**
 * Benchmarks: build time and memory, page weight, search cost, offline precache and Lighthouse,
 * each with its budget verdict. Not part of `npm test`: the figures depend on the machine.
 *
 *   npm run bench                      the real site; writes bench-results/bench.json
 *   npm run bench -- --scale 1000      a synthetic corpus of 1000 articles (also 10000);
 *                                      writes bench-results/bench-scale-1000.json
 *   options: --no-lighthouse       skip Lighthouse
 *            --lighthouse-runs N   runs per page, the median is reported (default 3)
 *            --keep                keep the temporary build folder
 *            --no-rebuild          skip the rebuild after one article changes (halves a 10k run)
 *            --baseline REV        at --scale up to 1000, also build commit REV (default 32348a1)
 *                                  on a corpus made the same way, and compare the cold builds
 *            --no-baseline         skip that build
 */
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { BASELINE_COMMIT, baselineProject } from './baseline.ts';
import { buildSite, ROOT } from './build.ts';
import { writeCorpus } from './corpus.ts';
import { CATEGORIES, CHROME_PATH, runLighthouse, type LighthouseResult } from './lighthouse.ts';
import { serveStatic } from '../serve-static.ts';
import { SEARCH_BUDGETS, type SearchBench } from './search.ts';
import { ARTICLE_BUDGET_BYTES, PAGE_BUDGET_BYTES } from '../../src/lib/page-budget.ts';
import { PRECACHE_BUDGET_BYTES } from '../../src/integrations/service-worker.ts';
import { gzipSize, pageWeight, precache, type Bytes, type PageWeight } from '../../src/lib/page-weight.ts';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string' },
    'no-lighthouse': { type: 'boolean', default: false },
    'lighthouse-runs': { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    'no-rebuild': { type: 'boolean', default: false },
    baseline: { type: 'string', default: BASELINE_COMMIT },
    'no-baseline': { type: 'boolean', default: false },
  },
});
const scale = args.scale ? Number(args.scale) : undefined;
if (scale !== undefined && !(Number.isInteger(scale) && scale > 0)) throw new Error('--scale takes a number of articles, e.g. --scale 1000');

/** Budgets from the project brief; the search's are in search.ts, the page and article budgets in src/lib/page-budget.ts. */
const BUDGET = { lighthouse: 100 };
/** Pages measured in detail: home, a typical article (code blocks, terms, tables), search. */
const HOME = '/';
const ARTICLE = '/guides/boot-xen/';
const SEARCH = '/search/';
const SECTION = '/guides/';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const both = (b: Bytes) => `${kb(b.raw)} / ${kb(b.gzip)}`;
const verdict = (pass: boolean | undefined) => (pass === undefined ? 'n/a ' : pass ? 'PASS' : 'FAIL');

/** Every page path in the build's sitemap. */
async function sitemapPaths(site: string): Promise<string[]> {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  const index = await readFile(path.join(site, 'sitemap-index.xml'), 'utf8');
  const maps = await Promise.all(locs(index).map((u) => readFile(path.join(site, new URL(u).pathname), 'utf8')));
  return maps.flatMap(locs).map((u) => new URL(u).pathname);
}

/** An article file of a content folder to change for the rebuild: the last feature by name. */
async function oneArticle(contentDir: string): Promise<string> {
  const folder = path.join(contentDir, 'articles', 'features');
  const name = (await readdir(folder)).filter((file) => file.endsWith('.mdx')).sort().at(-1);
  if (!name) throw new Error(`No article in ${folder} to change for the rebuild.`);
  return path.join(folder, name);
}

/** The page with the most gzipped HTML, read one file at a time. */
async function largestHtml(site: string): Promise<{ path: string; gzip: number }> {
  let largest = { path: '', gzip: 0 };
  for (const file of (await readdir(site, { recursive: true })).filter((f) => f.endsWith('.html'))) {
    const gzip = gzipSize(await readFile(path.join(site, file)));
    if (gzip > largest.gzip) largest = { path: `/${file.split(path.sep).join('/')}`.replace(/index\.html$/, ''), gzip };
  }
  return largest;
}

/** Total size of a folder's files. */
async function folderSize(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(entries.filter((e) => e.isFile()).map((e) => stat(path.join(e.parentPath, e.name)).then((s) => s.size)));
  return sizes.reduce((a, b) => a + b, 0);
}

/**
 * Reading without JavaScript: the article's headings, paragraphs, list items, table cells and
 * code with JavaScript off, compared with JavaScript on. Returns the texts missing without it.
 */
async function missingWithoutJs(origin: string, urlPath: string): Promise<{ blocks: number; missing: string[] }> {
  const browser = await chromium.launch(CHROME_PATH ? { executablePath: CHROME_PATH } : {});
  try {
    const texts = async (javaScriptEnabled: boolean) => {
      const context = await browser.newContext({ javaScriptEnabled, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`${origin}${urlPath}`, { waitUntil: 'load' });
      const found = await page.locator('main').locator('h1, h2, h3, p, li, td, th, pre, figcaption, dt, dd').allInnerTexts();
      await context.close();
      return found.map((t) => t.trim()).filter(Boolean);
    };
    const withJs = await texts(true);
    const withoutJs = new Set(await texts(false));
    return { blocks: withJs.length, missing: withJs.filter((t) => !withoutJs.has(t)) };
  } finally {
    await browser.close();
  }
}

/** benchSearch from scripts/bench/search.ts (written separately), when that file exists. */
async function loadSearchBench(): Promise<((baseUrl: string) => Promise<SearchBench>) | undefined> {
  const file = new URL('./search.ts', import.meta.url);
  if (!existsSync(file)) return undefined;
  return ((await import(file.href)) as { benchSearch?: (baseUrl: string) => Promise<SearchBench> }).benchSearch;
}

const rows: [string, string, string, string][] = [];
const row = (figure: string, value: string, budget = '', pass?: boolean) => rows.push([figure, value, budget, budget ? verdict(pass) : '']);

const workspace = await mkdtemp(path.join(tmpdir(), `kb-bench-${scale ?? 'site'}-`));
const result: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, scale: scale ?? null };
try {
  // 1. Build (cold: empty cache).
  // The content is built from a copy in the workspace, which the rebuild below may change.
  const contentDir = path.join(workspace, 'content');
  let generated = 0;
  if (scale) {
    const started = performance.now();
    generated = await writeCorpus(path.join(ROOT, 'content'), contentDir, scale);
    console.log(`Generated ${generated} synthetic articles (${scale} in all) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else {
    await cp(path.join(ROOT, 'content'), contentDir, { recursive: true });
  }
  console.log(`Building${scale ? ` ${scale} articles` : ' the site'} into ${workspace}/dist …`);
  const built = await buildSite(workspace, contentDir);
  const site = built.outDir;
  const pages = await sitemapPaths(site);
  const articles = pages.filter((p) => /^\/(features|guides|comparisons|reference)\/[^/]+\/$/.test(p));
  result.build = { seconds: built.seconds, cpuSeconds: built.cpuSeconds, peakRssMB: built.peakRssMB, pages: pages.length, articles: articles.length };
  row('Build: pages (articles)', `${pages.length} (${articles.length})`);
  row('Build: time, cold cache', `${built.seconds.toFixed(1)} s (CPU ${built.cpuSeconds.toFixed(1)} s)`);
  const perArticleMs = (built.seconds / articles.length) * 1000;
  row('Build: time per article', `${perArticleMs.toFixed(0)} ms`);
  // Linear build: at a larger scale, per article at most 1.1 × the figure of the last 1k run.
  const oneK = path.join(ROOT, 'bench-results', 'bench-scale-1000.json');
  if (scale && scale > 1000 && existsSync(oneK)) {
    const base = JSON.parse(await readFile(oneK, 'utf8')) as { build: { seconds: number; cpuSeconds?: number; articles: number } };
    const baseMs = (base.build.seconds / base.build.articles) * 1000;
    // CPU time per article too: wall time of the same 1k build varies by a fifth from run to run.
    const cpu = base.build.cpuSeconds
      ? `; CPU ${(built.cpuSeconds / articles.length / (base.build.cpuSeconds / base.build.articles)).toFixed(2)} ×`
      : '';
    row('Build: time per article against the 1k run', `${(perArticleMs / baseMs).toFixed(2)} × (${baseMs.toFixed(0)} ms at 1k)${cpu}`, '≤ 1.1 ×', perArticleMs <= baseMs * 1.1);
  }
  const memoryBudgetMB = scale && scale > 1000 ? 2048 : 1229;
  row('Build: peak memory (RSS)', `${built.peakRssMB.toFixed(0)} MB`, `≤ ${(memoryBudgetMB / 1024).toFixed(1)} GB`, built.peakRssMB <= memoryBudgetMB);
  // Where the time and memory go: the content check, Astro's phases, each integration's step.
  for (const step of built.steps) row(`  step: ${step.step}`, `${step.seconds.toFixed(1)} s, peak ${step.peakRssMB.toFixed(0)} MB`);

  // The same kind of corpus built by an earlier commit in the same run: the cold build at 1k
  // must take at most 0.7 × its time. The corpus is made by this generator from that commit's
  // own articles (the current ones use components it does not have), with the same seed and size.
  if (scale && scale <= 1000 && !args['no-baseline']) {
    const baseline = await baselineProject(args.baseline);
    const short = baseline.sha.slice(0, 7);
    const baselineContent = path.join(workspace, 'baseline-content');
    await writeCorpus(path.join(baseline.dir, 'content'), baselineContent, scale);
    console.log(`Building ${scale} articles with commit ${short} …`);
    const before = await buildSite(path.join(workspace, 'baseline'), baselineContent, { project: baseline.dir });
    await rm(path.join(workspace, 'baseline'), { recursive: true, force: true });
    const ratio = built.seconds / before.seconds;
    const cpuRatio = built.cpuSeconds / before.cpuSeconds;
    result.baseline = { commit: baseline.sha, seconds: before.seconds, cpuSeconds: before.cpuSeconds, peakRssMB: before.peakRssMB, ratio, cpuRatio };
    row(
      `Build: cold, against commit ${short} in this run`,
      `${ratio.toFixed(2)} × (${before.seconds.toFixed(1)} s, peak ${before.peakRssMB.toFixed(0)} MB); CPU time ${cpuRatio.toFixed(2)} × (${before.cpuSeconds.toFixed(1)} s)`,
      '≤ 0.7 ×',
      ratio <= 0.7,
    );
  }

  // A rebuild after one article changes, with the cache and output of the cold build.
  if (!args['no-rebuild']) {
    const changed = await oneArticle(contentDir);
    await appendFile(changed, '\n\nA sentence added to measure a rebuild after one article changes.\n');
    const rebuilt = await buildSite(workspace, contentDir, { warm: true });
    result.rebuild = { seconds: rebuilt.seconds, peakRssMB: rebuilt.peakRssMB, steps: rebuilt.steps };
    row('Build: rebuild after one article changed', `${rebuilt.seconds.toFixed(1)} s, peak ${rebuilt.peakRssMB.toFixed(0)} MB`, '≤ half the cold build', rebuilt.seconds <= built.seconds / 2);
  }
  result.build = { ...(result.build as object), steps: built.steps };

  // 2. Page weight of a first visit: HTML + CSS + JS loaded before any interaction.
  const weights: Record<string, PageWeight> = {};
  for (const p of [HOME, ARTICLE, SEARCH, SECTION]) weights[p] = pageWeight(site, p);
  // The budget is for articles as written, which check:pages holds to it. At a scale, the real
  // articles are measured among the synthetic ones (they must weigh what they weigh on the site:
  // nothing on an article grows with the corpus); the heaviest synthetic one, a join of real
  // sections that no author wrote, is shown without a verdict.
  const heaviestOf = (list: PageWeight[]) => list.reduce((a, b) => (b.total.gzip > a.total.gzip ? b : a));
  const isReal = (p: string) => existsSync(path.join(ROOT, 'content', 'articles', `${p.replace(/^\/|\/$/g, '')}.mdx`));
  const articleWeights = articles.map((p) => pageWeight(site, p));
  const heaviest = heaviestOf(articleWeights.filter((w) => isReal(w.path)));
  const heaviestSynthetic = scale ? heaviestOf(articleWeights.filter((w) => !isReal(w.path))) : undefined;
  result.weight = { pages: weights, heaviestArticle: heaviest, heaviestSyntheticArticle: heaviestSynthetic ?? null };
  for (const p of [HOME, ARTICLE, SEARCH]) {
    const w = weights[p]!;
    row(`${p}: HTML raw / gzip`, both(w.html));
    row(`${p}: CSS raw / gzip`, both(w.css));
    row(`${p}: JS before interaction raw / gzip`, `${both(w.js)} (${w.jsFiles.length} files + ${kb(w.inlineJs)} inline)`);
  }
  const article = weights[ARTICLE]!;
  row(`Article first visit (${ARTICLE}) gzip`, kb(article.total.gzip), `≤ ${kb(ARTICLE_BUDGET_BYTES)}`, article.total.gzip <= ARTICLE_BUDGET_BYTES);
  row(`Heaviest ${scale ? 'real ' : ''}article (${heaviest.path}) gzip`, kb(heaviest.total.gzip), `≤ ${kb(ARTICLE_BUDGET_BYTES)}`, heaviest.total.gzip <= ARTICLE_BUDGET_BYTES);
  if (heaviestSynthetic) row(`Heaviest synthetic article (${heaviestSynthetic.path}) gzip`, kb(heaviestSynthetic.total.gzip));
  row(`Section index (${SECTION}) first visit gzip`, kb(weights[SECTION]!.total.gzip));
  // Every page, home, sections, topics and search included: no page may grow with the corpus.
  const largestPage = await largestHtml(site);
  result.largestPage = largestPage;
  row(`Largest page HTML (${largestPage.path}) gzip`, kb(largestPage.gzip), `≤ ${kb(PAGE_BUDGET_BYTES)}`, largestPage.gzip <= PAGE_BUDGET_BYTES);

  // 3. What needs the browser: reading without JS, search, Lighthouse.
  const server = await serveStatic(site);
  try {
    const noJs = await missingWithoutJs(server.origin, ARTICLE);
    result.readingWithoutJs = noJs;
    row('JS required to read an article', noJs.missing.length ? `${noJs.missing.length} of ${noJs.blocks} blocks need JS` : `none (${noJs.blocks} blocks read with JS off)`, 'none', noJs.missing.length === 0);

    const benchSearch = await loadSearchBench();
    if (benchSearch) {
      // Transferred = what the compressing server sent, headers included (Pagefind's index is gzipped already).
      const search = await benchSearch(server.origin);
      result.search = search;
      const { cold, followUp, warm } = search;
      row(
        `Search: cold query “${cold.query}” transferred`,
        `${kb(cold.bytes)} (${cold.requests} requests; median of ${search.coldRuns.length} runs: ${search.coldRuns.map(kb).join(', ')})`,
        `≤ ${kb(SEARCH_BUDGETS.coldQueryBytes)}`,
        search.verdicts.coldQuery,
      );
      row(`Search: follow-up “${followUp.query}” transferred`, `${kb(followUp.bytes)} (${followUp.requests} requests)`);
      row('Search: last keystroke to results, cold', `${cold.keystrokeToResultsMs} ms`);
      row(
        `Search: keystroke to results, warm (${warm.samples.length} queries)`,
        `median ${warm.medianMs} ms, max ${warm.maxMs} ms`,
        `median ≤ ${SEARCH_BUDGETS.keystrokeToResultsMs} ms`,
        search.verdicts.keystrokeToResults,
      );
    } else {
      result.search = null;
      row('Search: cold / follow-up bytes and latency', 'not measured: scripts/bench/search.ts (benchSearch) is missing', `≤ ${kb(SEARCH_BUDGETS.coldQueryBytes)}`, undefined);
    }
    const pagefindBytes = await folderSize(path.join(site, 'pagefind'));
    result.pagefindIndexBytes = pagefindBytes;
    row('Search index on disk (dist/pagefind)', mb(pagefindBytes));

    if (!args['no-lighthouse'] && !scale) {
      const runs = Number(args['lighthouse-runs']);
      console.log(`Running Lighthouse (mobile), ${runs} runs per page …`);
      const lighthouse: LighthouseResult[] = await runLighthouse(server.origin, [HOME, ARTICLE, SEARCH], runs);
      result.lighthouse = lighthouse;
      for (const r of lighthouse) {
        const all100 = CATEGORIES.every((c) => r.scores[c] >= BUDGET.lighthouse);
        row(`Lighthouse ${r.path} (perf/a11y/bp/seo)`, CATEGORIES.map((c) => r.scores[c]).join(' / '), '100 each', all100);
        row(`  ${r.path} FCP / LCP / SI / TBT / CLS`, `${r.metrics.fcpMs} / ${r.metrics.lcpMs} / ${r.metrics.speedIndexMs} / ${r.metrics.tbtMs} ms / ${r.metrics.cls}`);
        if (r.performanceRuns.length > 1) row(`  ${r.path} performance in each run`, r.performanceRuns.join(', '));
      }
    }
  } finally {
    await server.close();
  }

  // 4. Offline: what the service worker downloads after the first visit. The budget decides the
  // mode (src/integrations/service-worker.ts): the whole site while it fits; above it, the shell
  // within the budget, plus the search index, which search needs offline whatever its size.
  const cache = precache(site);
  result.precache = cache ?? null;
  const shellMode = existsSync(path.join(site, 'sw-offline-shell.js'));
  const mode = shellMode ? 'shell and search, pages as read' : 'the whole site';
  const measured = cache && (shellMode ? cache.bytes.raw - cache.search.raw : cache.bytes.raw);
  row(
    'Offline precache (sw.js)',
    cache ? `${cache.files} files, ${mb(cache.bytes.raw)} raw / ${mb(cache.bytes.gzip)} gzip, of which search ${mb(cache.search.raw)} raw: ${mode}` : 'no dist/sw.js',
    shellMode ? `shell without search ≤ ${(PRECACHE_BUDGET_BYTES / 1e6).toFixed(1)} MB` : `≤ ${(PRECACHE_BUDGET_BYTES / 1e6).toFixed(1)} MB raw`,
    measured === undefined ? undefined : measured <= PRECACHE_BUDGET_BYTES,
  );

  // 5. Report.
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['figure', 'value', 'budget', 'verdict'][i]!.length));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(`\n${scale ? `Scale: ${scale} articles (${generated} synthetic)` : 'Site'} — ${new Date().toISOString().slice(0, 16)}Z, Node ${process.version}\n`);
  console.log(line(['figure', 'value', 'budget', 'verdict']));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
  if (Array.isArray(result.lighthouse)) {
    for (const r of result.lighthouse as LighthouseResult[]) {
      if (r.failing.length) console.log(`\nLighthouse ${r.path} lost points on:\n  ${r.failing.join('\n  ')}`);
    }
  }
  if (heaviest.jsFiles.length || article.jsFiles.length) console.log(`\nJS loaded before interaction on ${ARTICLE}: ${article.jsFiles.join(', ') || 'none'}`);

  result.table = rows.map(([figure, value, budget, v]) => ({ figure, value, budget, verdict: v }));
  const out = path.join(ROOT, 'bench-results');
  await mkdir(out, { recursive: true });
  const file = path.join(out, scale ? `bench-scale-${scale}.json` : 'bench.json');
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
  if (rows.some((r) => r[3] === 'FAIL')) process.exitCode = 1;
} finally {
  if (args.keep) console.log(`Kept ${workspace}`);
  else await rm(workspace, { recursive: true, force: true });
}
