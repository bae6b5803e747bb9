import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeReport, OFFLINE_PAGES, precachedUrls, RUNTIME_CACHES, writeServiceWorker } from '../../src/integrations/service-worker.ts';

/** A small built site: the shell, two articles, and a search index with its fragments. */
const FILES: Record<string, string> = {
  'index.html': '<h1>Home</h1>',
  'guides/index.html': '<h1>Guides</h1>',
  'guides/page/2/index.html': '<h1>Guides, page 2</h1>',
  'guides/boot-xen/index.html': `<h1>Boot Xen</h1>${'x'.repeat(4000)}`,
  'features/ras/index.html': `<h1>RAS</h1>${'x'.repeat(4000)}`,
  'topics/index.html': '<h1>Topics</h1>',
  'topics/power/index.html': '<h1>Power</h1>',
  'search/index.html': '<h1>Search</h1>',
  'search/names/x.json': '[]',
  'search/vocabulary/x.json': '[]',
  'offline/index.html': '<h1>Not part of the site</h1>',
  'offline/not-saved/index.html': '<h1>Not saved yet</h1>',
  '404.html': '<h1>404</h1>',
  'rss.xml': '<rss/>',
  'sitemap-0.xml': '<urlset/>',
  '_astro/site.abc123.css': 'body{}',
  '_astro/search.def456.js': 'export {}',
  'favicon.svg': '<svg/>',
  'manifest.webmanifest': '{}',
  'pagefind/pagefind.js': 'export {}',
  'pagefind/pagefind-entry.json': '{}',
  'pagefind/pagefind.en_1.pf_meta': 'meta',
  'pagefind/wasm.en.pagefind': 'wasm',
  'pagefind/filter/kind_1.pf_filter': 'f',
  'pagefind/index/en_1.pf_index': 'i',
  'pagefind/fragment/en_1.pf_fragment': 'fragment',
  'pagefind/pagefind-component-ui.js': 'unused UI',
};

let site: string;
/** The URLs the generated worker precaches, read from its manifest. */
const precached = () => precachedUrls(readFileSync(path.join(site, 'sw.js'), 'utf8')).sort();

beforeAll(() => {
  site = mkdtempSync(path.join(tmpdir(), 'kb-sw-'));
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    writeFileSync(path.join(site, file), text);
  }
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('the offline service worker', () => {
  it('precaches the whole site while it fits the budget', async () => {
    const report = await writeServiceWorker(site, { budgetBytes: 1_000_000 });
    expect(report.mode).toBe('everything');
    expect(report.size).toBe(report.siteSize);
    expect(precached()).toEqual(
      Object.keys(FILES)
        .filter((file) => !['404.html', 'rss.xml', 'sitemap-0.xml'].includes(file))
        .sort(),
    );
    const worker = readFileSync(path.join(site, 'sw.js'), 'utf8');
    expect(worker).toContain('importScripts("sw-offline-everything.js")');
    expect(worker).toContain(OFFLINE_PAGES.everything);
    expect(worker).not.toContain(RUNTIME_CACHES.pages);
    // Its script answers the page's question, and drops the runtime caches of the shell mode.
    const script = readFileSync(path.join(site, 'sw-offline-everything.js'), 'utf8');
    expect(script).toContain('postMessage("everything")');
    expect(script).toContain(`caches.delete(name)`);
    expect(describeReport(report)).toMatch(/^Offline: the whole site is precached, \d+ files/);
  }, 60_000);

  it('precaches the shell and the search index over the budget, and saves pages and result texts as they are read', async () => {
    const report = await writeServiceWorker(site, { budgetBytes: 5_000 });
    expect(report.mode).toBe('shell');
    expect(report.siteSize).toBeGreaterThan(5_000);
    expect(precached()).toEqual(
      [
        '_astro/search.def456.js',
        '_astro/site.abc123.css',
        'favicon.svg',
        'guides/index.html',
        'index.html',
        'manifest.webmanifest',
        'offline/index.html',
        'offline/not-saved/index.html',
        'pagefind/filter/kind_1.pf_filter',
        'pagefind/index/en_1.pf_index',
        'pagefind/pagefind-entry.json',
        'pagefind/pagefind.en_1.pf_meta',
        'pagefind/pagefind.js',
        'pagefind/wasm.en.pagefind',
        'search/index.html',
        'search/names/x.json',
        'search/vocabulary/x.json',
        'topics/index.html',
      ].sort(),
    );
    const worker = readFileSync(path.join(site, 'sw.js'), 'utf8');
    expect(worker).toContain('importScripts("sw-offline-shell.js")');
    expect(worker).toContain(RUNTIME_CACHES.pages);
    expect(worker).toContain(RUNTIME_CACHES.searchDetails);
    expect(worker).toContain(OFFLINE_PAGES.shell);
    expect(worker).toMatch(/maxEntries:200/);
    // Only the mode script of this build is left; it says its mode and refreshes saved pages.
    expect(existsSync(path.join(site, 'sw-offline-everything.js'))).toBe(false);
    const script = readFileSync(path.join(site, 'sw-offline-shell.js'), 'utf8');
    expect(script).toContain('postMessage("shell")');
    expect(script).toContain(`caches.open("${RUNTIME_CACHES.pages}")`);
    expect(describeReport(report)).toMatch(/over the 0\.0 MB budget, so the worker precaches the shell and search/);
  }, 60_000);
});
