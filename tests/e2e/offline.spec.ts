import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { setPriority, tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { serveStatic as serve } from '../../scripts/serve-static.ts';
import { precachedUrls, writeServiceWorker, type OfflineMode } from '../../src/integrations/service-worker.ts';
import { copyProject } from '../project-copy.ts';
import { test, expect } from './fixtures.ts';

/**
 * Offline use, for real: these tests serve the build from their own server, let the service
 * worker save the site, then shut the server down (an outage, not an emulated one) or replace
 * it with a newer build at the same address.
 *
 * The worker has two modes (src/integrations/service-worker.ts): within the precache budget it
 * saves the whole site; above it, the shell and search, and pages as they are read. Each mode is
 * tested on a copy of the real build whose worker was written again, by the same function the
 * build uses, with a budget that selects the mode, so both stay tested whichever side of the
 * budget the real site is on.
 */

const BUILT = path.resolve(process.env.KB_OUT_DIR ?? 'dist');

/**
 * Waits until the service worker controls the page and has saved what its mode saves. Workbox
 * fetches its files one after another: seconds on an idle machine, more than a minute on a busy
 * two-core one while the other test's browser and a second build run beside it.
 */
async function waitUntilSaved(page: Page, mode?: OfflineMode) {
  const status = page.locator('offline-status');
  await expect(status, 'the site is saved for offline use').toHaveAttribute('data-state', 'ready', { timeout: 150_000 });
  if (mode) await expect(status).toHaveAttribute('data-mode', mode);
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** A copy of the real build whose worker was written with `budgetBytes`, which must select `mode`. */
async function buildWithBudget(mode: OfflineMode, budgetBytes: number): Promise<string> {
  const copy = mkdtempSync(path.join(tmpdir(), `kb-offline-${mode}-`));
  cpSync(BUILT, copy, { recursive: true });
  const report = await writeServiceWorker(copy, { budgetBytes });
  expect(report.mode).toBe(mode);
  return copy;
}

// These tests are about the worker: it must be allowed whatever the project default is.
test.use({ serviceWorkers: 'allow' });

test('within the budget: after one visit, every article and search work with the server gone', async ({ page, searchDialog }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  // The real build, with the worker a site within the budget gets.
  const copy = await buildWithBudget('everything', Number.MAX_SAFE_INTEGER);
  const server = await serve(copy);
  const { origin } = server;
  try {
    await page.goto(`${origin}/`);
    await expect(page.getByRole('status').filter({ hasText: /Saving for offline use|Ready to use offline/ })).toBeVisible();
    await waitUntilSaved(page, 'everything');
    await expect(page.getByRole('status').filter({ hasText: 'Ready to use offline' })).toBeVisible();
  } finally {
    await server.close();
    rmSync(copy, { recursive: true, force: true });
  }
  await expect(fetch(`${origin}/`), 'the server is really down').rejects.toThrow();

  // Articles never visited, by address (with and without the trailing slash) and by link.
  await page.goto(`${origin}/features/machine-check-handling/`);
  await expect(heading(page)).toContainText(/machine check/i);
  await page.goto(`${origin}/guides/boot-xen`);
  await expect(page).toHaveURL(`${origin}/guides/boot-xen/`);
  await expect(heading(page)).toContainText(/boot/i);
  await page.getByRole('navigation', { name: 'Sections', exact: true }).getByRole('link', { name: 'Comparisons' }).click();
  await expect(heading(page)).toHaveText('Comparisons');
  await page.getByRole('main').getByRole('link', { name: /type 1/i }).first().click();
  await expect(page).toHaveURL(/\/comparisons\/.+\/$/);
  await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();

  // Full-text search, then the article it found (the glossary's direct answer comes first).
  await searchDialog.search('xenpm', { via: 'button', paste: true });
  await expect(searchDialog.status).toHaveText(/^\d+ articles? match “xenpm”/);
  const href = await searchDialog.choose('xenpm command reference');
  expect(href).toContain('pagefind-highlight=xenpm');
  await expect(heading(page)).toContainText(/xenpm/i);

  // The search page, reached by its form (a query string), and a reload.
  await page.goto(`${origin}/search/?q=machine+check`);
  await expect(page.getByRole('main').getByRole('link', { name: /machine check/i }).first()).toBeVisible();
  await page.reload();
  await expect(heading(page)).toHaveText('Search');
  await expect(page.getByRole('main').getByRole('link', { name: /machine check/i }).first()).toBeVisible();

  // An address that was never part of the site.
  await page.goto(`${origin}/no-such-page/`);
  await expect(heading(page)).toHaveText('This page is not saved on this device');

  // When the browser knows it is offline, the status says what still works.
  await page.context().setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'You are offline — reading and search still work' })).toBeVisible();
  await page.getByRole('link', { name: 'Guides' }).first().click();
  await expect(heading(page)).toHaveText('Guides');
  await expect(page.getByRole('status').filter({ hasText: 'You are offline — reading and search still work' })).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByText('You are offline — reading and search still work')).toBeHidden();
});

test.describe('over the budget', () => {
  // Offline, a search result whose text was never fetched cannot load: Chromium logs the failed
  // request, and the page says how many results are not saved (checked below).
  test.use({ expectedConsole: [/^error: Failed to load resource: net::ERR_FAILED$/] });

  test('the shell, search and the pages read before the outage work with the server gone; other pages say they are not saved', async ({
    page,
    searchDialog,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    // The real build, with the worker of a site over the budget (one byte: anything is over it).
    const copy = await buildWithBudget('shell', 1);
    const server = await serve(copy);
    const { origin } = server;
    try {
      // The first visit lands on an article: it loads before any worker runs, and is saved too.
      await page.goto(`${origin}/guides/first-pv-guest/`);
      await waitUntilSaved(page, 'shell');
      await expect(page.getByRole('status').filter({ hasText: 'Search and the pages you open work offline' })).toBeVisible();
      // Read an article and a second page of a section; search once, and open what it found.
      await page.goto(`${origin}/guides/boot-xen/`);
      await expect(heading(page)).toContainText(/boot/i);
      await page.goto(`${origin}/features/page/2/`);
      await expect(heading(page)).toHaveText('Features');
      await searchDialog.search('xenpm', { via: 'button', paste: true });
      await searchDialog.choose('xenpm command reference');
      await expect(heading(page)).toContainText(/xenpm/i);
    } finally {
      await server.close();
      rmSync(copy, { recursive: true, force: true });
    }
    await expect(fetch(`${origin}/`), 'the server is really down').rejects.toThrow();

    // Pages read before the outage, by address (with and without the trailing slash).
    await page.goto(`${origin}/guides/first-pv-guest/`);
    await expect(heading(page)).toContainText(/guest/i);
    await page.goto(`${origin}/guides/boot-xen`);
    await expect(page).toHaveURL(`${origin}/guides/boot-xen/`);
    await expect(heading(page)).toContainText(/boot/i);
    await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
    await page.goto(`${origin}/features/page/2/`);
    await expect(page.getByRole('navigation', { name: 'Pages of Features' }).getByRole('link', { name: 'Page 2', exact: true })).toHaveAttribute('aria-current', 'page');

    // The shell: home, every section's first page, topics and search, never opened before.
    for (const [address, title] of [
      ['/', 'Xen 3.4, explained and set up'],
      ['/comparisons/', 'Comparisons'],
      ['/reference/', 'Reference'],
      ['/topics/', 'Topics'],
      ['/search/', 'Search'],
    ] as const) {
      await page.goto(`${origin}${address}`);
      await expect(heading(page)).toHaveText(title);
    }

    // Search over the saved index: the results read before are shown and open...
    await page.goto(`${origin}/`);
    await searchDialog.search('xenpm', { via: 'button', paste: true });
    await expect(searchDialog.status).toHaveText(/^\d+ articles? match “xenpm”\./);
    const href = await searchDialog.choose('xenpm command reference');
    expect(href).toContain('pagefind-highlight=xenpm');
    await expect(heading(page)).toContainText(/xenpm/i);
    // ...a new search still finds everything, and says which results need the network.
    await searchDialog.search('machine check', { paste: true });
    await expect(searchDialog.status).toHaveText(/^\d+ articles match “machine check”\. (\d+|One) of them (are|is) not saved on this device, so (they|it) cannot be shown until you are back online\./);
    // An exact name is answered from the saved name index.
    await searchDialog.search('max_cstate', { paste: true });
    await expect(searchDialog.answers.first()).toContainText('Boot option');
    await searchDialog.close();

    // An article never opened: the offline page says why, and offers search and the sections.
    await page.goto(`${origin}/features/machine-check-handling/`);
    await expect(heading(page)).toHaveText('This page is not saved on this device yet');
    await expect(page.getByRole('main')).toContainText('each page is saved when you open it with a connection');
    await expect(page.getByRole('main').getByRole('searchbox')).toBeVisible();
    await page.getByRole('main').getByRole('link', { name: 'Guides' }).click();
    await expect(heading(page)).toHaveText('Guides');

    // When the browser knows it is offline, the status says what still works in this mode.
    await page.context().setOffline(true);
    await expect(page.getByRole('status').filter({ hasText: 'You are offline — search and the pages you have opened still work' })).toBeVisible();
    await page.context().setOffline(false);
  });
});

test('a returning reader is offered a new build and gets it on Reload', async ({ page }) => {
  // A second real build, of a copy of the project with one article changed, runs (at low
  // priority) while the reader visits the first one.
  test.setTimeout(300_000);
  const site = copyProject('offline');
  const nextBuild = path.join(site.dir, 'dist');
  const sentence = 'This sentence arrived with the second build of the site.';
  const article = path.join(site.dir, 'content/articles/guides/boot-xen.mdx');
  await writeFile(article, `${await readFile(article, 'utf8')}\n\n${sentence}\n`);
  // Astro, then the search index and the worker (scripts/after-build.ts), as npm run build does.
  const astro = path.resolve('node_modules/astro/bin/astro.mjs');
  const child = spawn('/bin/sh', ['-c', `"${process.execPath}" "${astro}" build && "${process.execPath}" scripts/after-build.ts`], {
    cwd: site.dir,
    env: site.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (child.pid) setPriority(child.pid, 10);
  const build = new Promise<void>((resolve, reject) => {
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`second build failed (${code}): ${errors.slice(-2000)}`))));
  });

  let server = await serve(BUILT);
  const { origin, port } = server;
  try {
    await page.goto(`${origin}/guides/boot-xen/`);
    await waitUntilSaved(page);
    await expect(page.getByText(sentence)).toHaveCount(0);

    await build;
    await server.close();
    server = await serve(nextBuild, port);

    // The reader comes back: the saved page opens at once, and the new build is offered.
    await page.goto(`${origin}/guides/boot-xen/`);
    await expect(page.getByRole('status').filter({ hasText: 'New content available' })).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('offline-status')).toHaveAttribute('data-state', 'update');
    await expect(page.getByText(sentence), 'nothing changes under the reader until they choose').toHaveCount(0);

    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByText(sentence)).toBeVisible();
    await waitUntilSaved(page);
    await expect(page.getByRole('status').filter({ hasText: 'New content available' })).toHaveCount(0);

    // Only the new build stays precached: one precache holding exactly the new worker's files
    // (beside it, on a site over the budget, the runtime cache of the pages read).
    const manifestSize = precachedUrls(await readFile(path.join(nextBuild, 'sw.js'), 'utf8')).length;
    const saved = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((name) => name.includes('-precache-'));
      return { names, entries: names.length === 1 ? (await (await caches.open(names[0]!)).keys()).length : -1 };
    });
    expect(saved.names).toHaveLength(1);
    expect(saved.entries).toBe(manifestSize);

    // And it is what the reader gets offline from now on.
    await server.close();
    await page.reload();
    await expect(page.getByText(sentence)).toBeVisible();
  } finally {
    await server.close();
    // If the test failed before the second build was done, stop it before deleting its folder.
    child.kill();
    await build.catch(() => undefined);
    site.remove();
  }
});
