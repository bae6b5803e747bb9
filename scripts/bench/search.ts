/**
 * Search benchmark, in real Chromium against a served build: the bytes a cold first query and a
 * follow-up query transfer, and the time from the last keystroke to rendered results in the
 * search dialog.
 *
 *   node scripts/bench/search.ts                         serves KB_OUT_DIR (or dist/) itself
 *   node scripts/bench/search.ts --url http://localhost:4321
 *   node scripts/bench/search.ts --json                  prints the figures as JSON
 *
 * `benchSearch(baseUrl)` returns the same figures for scripts/bench/index.ts. Service workers are
 * blocked, so the offline precache does not count as search traffic. The build is served with
 * gzip, as the host serves it; each response is also measured gzipped, for servers given with
 * --url that do not compress.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { serveStatic, type StaticServer } from '../serve-static.ts';

/**
 * Budgets: a cold query within 150 KB as transferred (compressed bodies and headers; the median of
 * COLD_RUNS), and results within 100 ms of the last keystroke (the median over the warm queries: a
 * single sample on a busy machine says little).
 */
export const SEARCH_BUDGETS = { coldQueryBytes: 150 * 1024, keystrokeToResultsMs: 100 } as const;

/** How many times the cold query runs, each in a fresh browser. */
const COLD_RUNS = 3;

/** Bytes moved by one step, in total and per file. */
export interface Transfer {
  /** What was typed. */
  query: string;
  requests: number;
  /** Bytes received from the server, headers included, as it served them. */
  bytes: number;
  /** The same responses gzipped (files that are compressed already count as they are). */
  gzipBytes: number;
  files: { path: string; bytes: number; gzipBytes: number }[];
}

/** Everything benchSearch measures. */
export interface SearchBench {
  baseUrl: string;
  /** First query on a page: the search code, Pagefind, its WASM, index chunks and fragments (the median run by bytes). */
  cold: Transfer & { keystrokeToResultsMs: number };
  /** Bytes transferred by each cold run, in the order they ran. */
  coldRuns: number[];
  /** A second query on the same page: new index chunks and fragments only. */
  followUp: Transfer;
  /** Last keystroke to rendered results once Pagefind is loaded, per query. */
  warm: { samples: { query: string; ms: number }[]; medianMs: number; maxMs: number };
  /** Pass/fail against SEARCH_BUDGETS (latency: the warm median). */
  verdicts: { coldQuery: boolean; keystrokeToResults: boolean };
}

const ARTICLE = '/features/p-states-and-cpufreq/';
const COLD_QUERY = 'cpufreq';
const FOLLOW_UP_QUERY = 'machine check';
const WARM_QUERIES = ['xenpm', 'VT-d passthrough', 'battery life', 'menu.lst', 'type 2 hypervisor', 'machine check exception', 'domain 0', 'C-states', 'xend-config.sxp', 'page offlining', 'Viridian'];
/** A quick typist: about 10 keys a second. */
const KEY_DELAY_MS = 90;

/** Measures search traffic and latency against a served build at baseUrl. */
export async function benchSearch(baseUrl: string): Promise<SearchBench> {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
  const browser = await chromium.launch(executablePath ? { executablePath } : {});
  try {
    // The cold query, in a fresh browser context (empty HTTP cache) each time. What it fetches
    // depends on timing: a word typed halfway while Pagefind loads may show results, and fetch their
    // texts, before the next key. So it runs COLD_RUNS times and the median counts; all are kept.
    const colds: (Transfer & { keystrokeToResultsMs: number })[] = [];
    let page: Page | undefined;
    let recorder: Awaited<ReturnType<typeof recordTransfers>> | undefined;
    for (let run = 0; run < COLD_RUNS; run++) {
      if (page) await page.context().close();
      const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
      recorder = await recordTransfers(page);
      await page.goto(new URL(ARTICLE, baseUrl).href);
      await pageSettled(page);
      await installTimer(page);

      recorder.start();
      await page.keyboard.press('ControlOrMeta+k');
      await page.keyboard.type(COLD_QUERY, { delay: KEY_DELAY_MS });
      const coldMs = await resultsTime(page, COLD_QUERY);
      colds.push({ ...(await recorder.stop(COLD_QUERY)), keystrokeToResultsMs: coldMs });
    }
    if (!page || !recorder) throw new Error('benchSearch: no cold run');
    const cold = [...colds].sort((a, b) => a.bytes - b.bytes)[Math.floor(colds.length / 2)]!;
    const coldRuns = colds.map((run) => run.bytes);

    recorder.start();
    await retype(page, FOLLOW_UP_QUERY);
    await resultsTime(page, FOLLOW_UP_QUERY);
    const followUp = await recorder.stop(FOLLOW_UP_QUERY);

    const samples: { query: string; ms: number }[] = [];
    for (const query of WARM_QUERIES) {
      await retype(page, query);
      samples.push({ query, ms: await resultsTime(page, query) });
    }
    const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
    const warm = { samples, medianMs: sorted[Math.floor(sorted.length / 2)]!, maxMs: sorted.at(-1)! };
    return {
      baseUrl,
      cold,
      coldRuns,
      followUp,
      warm,
      verdicts: {
        coldQuery: cold.bytes <= SEARCH_BUDGETS.coldQueryBytes,
        keystrokeToResults: warm.medianMs <= SEARCH_BUDGETS.keystrokeToResultsMs,
      },
    };
  } finally {
    await browser.close();
  }
}

/**
 * Waits until the page has done what it does on its own after loading, so none of it counts as
 * search traffic: the header's search control has become a button (the dialog's script ran) and
 * the offline status has a state (its code loads after the load event).
 */
async function pageSettled(page: Page) {
  await page.getByRole('banner').locator('[data-search-trigger][aria-haspopup="dialog"]').waitFor();
  await page.locator('offline-status[data-state]').waitFor({ state: 'attached' });
}

/**
 * Records every response's size between start() and stop(). stop() first waits for the
 * responses to every request made since start(): a query's last fragments may still be arriving
 * when its results are painted (an earlier keystroke's, for instance).
 */
async function recordTransfers(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  let recording: Promise<Transfer['files'][number] | undefined>[] | undefined;
  /** Requests made while recording whose response has not finished loading. */
  const inFlight = new Set<string>();
  let allArrived: (() => void) | undefined;
  const arrived = (requestId: string) => {
    inFlight.delete(requestId);
    if (inFlight.size === 0) allArrived?.();
  };
  cdp.on('Network.requestWillBeSent', (event) => {
    if (recording && !event.request.url.startsWith('data:')) inFlight.add(event.requestId);
  });
  cdp.on('Network.loadingFailed', (event) => arrived(event.requestId));
  cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
  cdp.on('Network.loadingFinished', (event) => {
    arrived(event.requestId);
    if (!recording) return;
    const url = urls.get(event.requestId);
    if (!url || url.startsWith('data:')) return;
    recording.push(
      cdp
        .send('Network.getResponseBody', { requestId: event.requestId })
        .then(({ body, base64Encoded }) => {
          const raw = Buffer.from(body, base64Encoded ? 'base64' : 'utf8');
          const gzipBytes = Math.min(raw.length, gzipSync(raw, { level: 9 }).length);
          return { path: new URL(url).pathname, bytes: event.encodedDataLength, gzipBytes };
        })
        .catch(() => ({ path: new URL(url).pathname, bytes: event.encodedDataLength, gzipBytes: event.encodedDataLength })),
    );
  });
  return {
    start() {
      recording = [];
    },
    async stop(query: string): Promise<Transfer> {
      if (inFlight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve, reject) => {
          allArrived = resolve;
          timer = setTimeout(() => reject(new Error(`${inFlight.size} responses for “${query}” never finished loading`)), 30_000);
        }).finally(() => {
          clearTimeout(timer);
          allArrived = undefined;
        });
      }
      const files = (await Promise.all(recording ?? [])).filter((f): f is Transfer['files'][number] => Boolean(f));
      recording = undefined;
      return {
        query,
        requests: files.length,
        bytes: files.reduce((sum, f) => sum + f.bytes, 0),
        gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
        files,
      };
    },
  };
}

/**
 * In the page: remembers when the last keystroke changed the dialog's search box, and when the
 * results for the box's text were first painted (the frame after the live count changed).
 */
async function installTimer(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { lastKey: number; painted: Map<string, number> } };
    w.__bench = { lastKey: 0, painted: new Map() };
    // The dialog is built on first use (src/client/search-dialog.ts): listen on the document and
    // watch its host element, so the timer works before and after the dialog exists.
    document.addEventListener('input', (event) => {
      if ((event.target as Element | null)?.id === 'search-dialog-input') w.__bench.lastKey = performance.now();
    }, true);
    const host = document.querySelector('search-dialog')!;
    new MutationObserver(() => {
      const input = host.querySelector<HTMLInputElement>('#search-dialog-input');
      const text = host.querySelector('[data-status]')?.textContent ?? '';
      const query = input?.value.trim();
      if (query && text.includes(`“${query}”`) && !w.__bench.painted.has(query)) {
        requestAnimationFrame(() => w.__bench.painted.set(query, performance.now() - w.__bench.lastKey));
      }
    }).observe(host, { childList: true, characterData: true, subtree: true });
  });
}

async function retype(page: Page, query: string) {
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(query, { delay: KEY_DELAY_MS });
}

async function resultsTime(page: Page, query: string): Promise<number> {
  const handle = await page.waitForFunction(
    (q) => (window as unknown as { __bench: { painted: Map<string, number> } }).__bench.painted.get(q),
    query,
    { timeout: 30_000 },
  );
  return Math.round(Number(await handle.jsonValue()));
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** The benchmark as a few lines of text. */
export function formatSearchBench(result: SearchBench): string {
  const pass = (ok: boolean) => (ok ? 'pass' : 'FAIL');
  return [
    `Search (${result.baseUrl}, Chromium, service workers blocked)`,
    `  cold first query “${result.cold.query}” (median of ${result.coldRuns.length} runs: ${result.coldRuns.map(kb).join(', ')}): ${result.cold.requests} requests, ${kb(result.cold.bytes)} as served, ${kb(result.cold.gzipBytes)} gzip — budget ${kb(SEARCH_BUDGETS.coldQueryBytes)} as served: ${pass(result.verdicts.coldQuery)}`,
    `  follow-up query “${result.followUp.query}”: ${result.followUp.requests} requests, ${kb(result.followUp.bytes)} as served, ${kb(result.followUp.gzipBytes)} gzip`,
    `  last keystroke → results, first query (loads Pagefind while typing): ${result.cold.keystrokeToResultsMs} ms`,
    `  last keystroke → results, ${result.warm.samples.length} more queries: median ${result.warm.medianMs} ms (budget ${SEARCH_BUDGETS.keystrokeToResultsMs} ms: ${pass(result.verdicts.keystrokeToResults)}), max ${result.warm.maxMs} ms`,
    `    ${result.warm.samples.map((s) => `${s.query} ${s.ms} ms`).join(' · ')}`,
    `  cold query files: ${result.cold.files.map((f) => `${f.path} ${kb(f.gzipBytes)}`).join(', ')}`,
  ].join('\n');
}

/** Serves the built site as the host would (scripts/serve-static.ts) on a free port. */
async function serveBuild(): Promise<StaticServer> {
  const outDir = path.resolve(process.env.KB_OUT_DIR ?? 'dist');
  if (!existsSync(path.join(outDir, 'pagefind', 'pagefind.js'))) {
    throw new Error(`No built site with a search index in ${outDir}. Run \`npm run build\` first (or pass --url).`);
  }
  return serveStatic(outDir);
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const urlAt = args.indexOf('--url');
  const given = urlAt >= 0 ? args[urlAt + 1] : process.env.BASE_URL;
  const served = given ? undefined : await serveBuild();
  try {
    const result = await benchSearch(given ?? served!.origin);
    console.log(args.includes('--json') ? JSON.stringify(result, null, 2) : formatSearchBench(result));
    if (!result.verdicts.coldQuery || !result.verdicts.keystrokeToResults) process.exitCode = 1;
  } finally {
    await served?.close();
  }
}
