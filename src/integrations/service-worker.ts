import { existsSync, globSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
// The module itself: workbox-build's index loads generateSW's bundler too (0.8 s against 0.16 s).
import { injectManifest } from 'workbox-build/build/inject-manifest.js';
import { SECTIONS } from '../schemas/kinds.ts';

/**
 * What the worker saves on the reader's device: `everything` (the whole site, precached after
 * the first visit) while the site fits the budget; above it, the `shell` (CSS, JavaScript,
 * icons, the home, section, topics, search and offline pages, the whole search index and its
 * small data files), with every other page saved as the reader opens it.
 */
export type OfflineMode = 'everything' | 'shell';

/** What writeServiceWorker() did, for the build log and the tests. */
export interface ServiceWorkerReport {
  mode: OfflineMode;
  /** Files and bytes (uncompressed) the worker precaches. */
  count: number;
  size: number;
  /** Bytes the whole site would take in the precache, which decides the mode. */
  siteSize: number;
  budgetBytes: number;
  warnings: string[];
}

/** The most the worker precaches by default, in bytes (uncompressed): 5 MB. */
export const PRECACHE_BUDGET_BYTES = 5_000_000;

export interface ServiceWorkerOptions {
  /**
   * The most the worker may precache, in bytes (uncompressed; default 5 MB). A site within it is
   * precached whole; a larger one gets the shell, and pages as they are read.
   */
  budgetBytes?: number;
}

/**
 * Never precached: the 404 page is the host's; feeds, sitemaps, the Markdown versions of the
 * articles, llms.txt, llms-full.txt and host configuration are for machines; the worker's own files.
 */
const IGNORED = ['sw.js', 'sw-offline-*.js', '404.html', 'rss.xml', 'sitemap-*.xml', '**/*.md', 'llms.txt', 'llms-full.txt', '_headers', '_redirects', '**/*.map'];

/**
 * The shell precached above the budget: enough to open the site, browse its sections and search
 * all of it offline. Pagefind's fragments (the text of each result) and every other page are
 * saved when the reader first sees them.
 */
export const SHELL_PATTERNS = [
  '_astro/**/*',
  'favicon.svg',
  'icons/**/*',
  'manifest.webmanifest',
  'index.html',
  ...SECTIONS.map((section) => `${section}/index.html`),
  'topics/index.html',
  'search/index.html',
  'offline/**/index.html',
  // The search: runtime, WebAssembly, entry, metadata, filters, every index chunk, and the build's
  // exact-name and spelling lists (src/pages/search/).
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  'pagefind/pagefind-highlight.js',
  'pagefind/wasm.*.pagefind',
  'pagefind/pagefind-entry.json',
  'pagefind/*.pf_meta',
  'pagefind/filter/*',
  'pagefind/index/*',
  'search/names/*.json',
  'search/vocabulary/*.json',
  'search/known/*.json',
];

/** Runtime caches of the shell mode; the everything mode deletes them when it takes over. */
export const RUNTIME_CACHES = { pages: 'kb-pages', searchDetails: 'kb-search-details', images: 'kb-images' } as const;
/** Pages and search details kept at most: about 10 MB of pages, 1.5 MB of details. */
export const RUNTIME_LIMITS = { pages: 200, searchDetails: 500, images: 60 } as const;

/** What the page shows with no network for a page the worker does not have, by mode. */
export const OFFLINE_PAGES: Record<OfflineMode, string> = {
  everything: '/offline/index.html',
  shell: '/offline/not-saved/index.html',
};

/** The worker's extra script, by mode (Workbox's importScripts). */
const MODE_SCRIPT: Record<OfflineMode, string> = { everything: 'sw-offline-everything.js', shell: 'sw-offline-shell.js' };

/**
 * The few lines that differ by mode beyond the routes (service-worker-source.js): which mode it is in, for the page's
 * offline status (src/client/offline-status.ts asks with a GET_OFFLINE_MODE message), and what
 * to do with the runtime caches when a build takes over. Plain JavaScript, run by the worker.
 */
function modeScript(mode: OfflineMode): string {
  const answer = `// Written by src/integrations/service-worker.ts: this build's offline mode is "${mode}".
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'GET_OFFLINE_MODE' && event.ports[0]) event.ports[0].postMessage(${JSON.stringify(mode)});
});
`;
  if (mode === 'everything') {
    return `${answer}// The whole site is in the precache now: pages saved while it was too large to precache go.
self.addEventListener('activate', (event) => {
  event.waitUntil(Promise.all(${JSON.stringify(Object.values(RUNTIME_CACHES))}.map((name) => caches.delete(name))));
});
`;
  }
  return `${answer}// When this build takes over: save the pages open in the reader's windows (the first page of a
// first visit loaded before any worker could save it), and fetch again the pages saved under an
// earlier build, whose stylesheets and scripts the precache no longer holds. A few at a time, in
// the background; without a network a page keeps its saved copy. Keys carry no query, as the
// page route's cacheKeyWillBeUsed makes them.
self.addEventListener('activate', () => {
  void (async () => {
    const cache = await caches.open(${JSON.stringify(RUNTIME_CACHES.pages)});
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const urls = [...new Set([...(await cache.keys()).map((request) => request.url), ...windows.map((client) => client.url.split(/[?#]/)[0])])]
      .filter((url) => url.startsWith(self.location.origin + '/') && url.endsWith('/'));
    const next = async () => {
      for (let url = urls.shift(); url; url = urls.shift()) {
        try {
          const response = await fetch(url, { cache: 'no-cache' });
          if (response.status === 200 && !response.redirected) await cache.put(url, response);
        } catch {}
      }
    };
    await Promise.all([next(), next(), next(), next()]);
  })();
});
`;
}

/** The URLs a written sw.js precaches (site-relative, as injectManifest() writes them into it). */
export function precachedUrls(worker: string): string[] {
  return [...worker.matchAll(/\{"revision":(?:null|"[^"]*"),"url":"([^"]+)"\}/g)].map((match) => match[1]!);
}

/** The worker's source (plain JavaScript, with Workbox's modules). */
const WORKER_SOURCE = fileURLToPath(new URL('./service-worker-source.js', import.meta.url));

/**
 * The worker for `mode`, bundled and minified with Workbox's modules, `self.__WB_MANIFEST` still
 * in it for injectManifest(). esbuild rather than Workbox's generateSW(), which bundles its own
 * template with Rollup, Babel and Terser on every build: about 2 s at 1,000 articles, against
 * well under a second for this and injectManifest() together.
 */
export async function bundleWorker(mode: OfflineMode): Promise<string> {
  // One define per value (OFFLINE.caches.pages…), so that esbuild writes each in place and drops
  // the other mode's routes.
  const settings = { mode, modeScript: MODE_SCRIPT[mode], offlinePage: OFFLINE_PAGES[mode], caches: RUNTIME_CACHES, limits: RUNTIME_LIMITS };
  const define = Object.fromEntries(
    Object.entries(settings).flatMap(([name, value]) =>
      typeof value === 'object' ? Object.entries(value).map(([key, each]) => [`OFFLINE.${name}.${key}`, JSON.stringify(each)]) : [[`OFFLINE.${name}`, JSON.stringify(value)]],
    ),
  );
  const { outputFiles } = await build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: 'es2020',
    legalComments: 'none',
    // Workbox's modules log and check arguments unless NODE_ENV is production.
    define: { ...define, 'process.env.NODE_ENV': '"production"' },
  });
  return outputFiles[0]!.text;
}

/**
 * Bytes of the files the worker would precache if it took the whole site: those that Workbox's
 * globPatterns ['**\/*'] with IGNORED select (Node's glob, like Workbox's, skips dotfiles).
 * Workbox's getManifest() would say the same but reads and hashes every file to do so: 0.9 s
 * against 0.5 s at 1,000 articles.
 */
export function wholeSiteBytes(site: string): number {
  return globSync('**/*', { cwd: site, exclude: IGNORED, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

/**
 * Writes sw.js (and its mode script) into a built site: measures what precaching the whole site
 * would cost, picks the mode, bundles the worker for it and has Workbox add the files to precache. `npm run build` runs it last,
 * after the search index (scripts/after-build.ts); the tests run it to give a copy of a build
 * the other mode. Fails on a site without a search index, which the worker would precache
 * without search.
 */
export async function writeServiceWorker(site: string, { budgetBytes = PRECACHE_BUDGET_BYTES }: ServiceWorkerOptions = {}): Promise<ServiceWorkerReport> {
  if (!existsSync(path.join(site, 'pagefind', 'pagefind-entry.json'))) {
    throw new Error(`No search index in ${site}: the service worker would precache a site without search. Write the index first (writeSearchIndex).`);
  }
  const siteSize = wholeSiteBytes(site);
  const mode: OfflineMode = siteSize <= budgetBytes ? 'everything' : 'shell';
  for (const [each, file] of Object.entries(MODE_SCRIPT)) {
    if (each === mode) await writeFile(path.join(site, file), modeScript(mode));
    else await rm(path.join(site, file), { force: true });
  }
  const worker = await bundleWorker(mode);
  const folder = await mkdtemp(path.join(tmpdir(), 'kb-sw-'));
  try {
    const swSrc = path.join(folder, 'sw.js');
    await writeFile(swSrc, worker);
    const { count, size, warnings } = await injectManifest({
      swSrc,
      swDest: path.join(site, 'sw.js'),
      globDirectory: site,
      globPatterns: mode === 'everything' ? ['**/*'] : SHELL_PATTERNS,
      globIgnores: IGNORED,
      // Hashed file names need no revision: the name changes when the content does.
      dontCacheBustURLsMatching: /^(?:_astro\/|pagefind\/(?:fragment|index|filter)\/|pagefind\/pagefind\.[^/]+\.pf_meta$)/,
    });
    return { mode, count, size, siteSize, budgetBytes, warnings };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Bytes as megabytes with one decimal, for the build log. */
function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The build log's line about the worker. */
export function describeReport({ mode, count, size, siteSize, budgetBytes }: ServiceWorkerReport): string {
  const budget = formatMegabytes(budgetBytes);
  return mode === 'everything'
    ? `Offline: the whole site is precached, ${count} files, ${formatMegabytes(size)} (uncompressed; budget ${budget})`
    : `Offline: the whole site (${formatMegabytes(siteSize)}) is over the ${budget} budget, so the worker precaches the shell and search, ${count} files, ${formatMegabytes(size)} (uncompressed), and saves other pages as they are read`;
}
