import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { SEARCH_TIMEOUT, type SearchDialog } from './search-dialog.ts';
import { OUT_DIR } from './sitemap.ts';

/**
 * The site works under its Content-Security-Policy: no inline script without a hash, no <style>
 * without a hash (style attributes only), WebAssembly for search only through 'wasm-unsafe-eval'. Every test records the
 * browser's securitypolicyviolation events; the console fixture fails on "Refused to …" too.
 */

// Each test reads and searches several pages; slow machines need more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

declare global {
  interface Window {
    cspViolations: string[];
  }
}

/** Starts recording CSP violations on every document the page loads. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`,
      );
    });
  });
}

async function expectNoViolations(page: Page) {
  expect(await page.evaluate(() => window.cspViolations), `no CSP violations on ${page.url()}`).toEqual([]);
}

/** Search results can take a few seconds on a slow machine: the first query loads the index. */
const SEARCH = { timeout: SEARCH_TIMEOUT };

/** Reads an article, uses its controls, then searches in the dialog and on /search/. */
async function readAndSearch(page: Page, searchDialog: SearchDialog) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/guides/boot-xen/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Code blocks colour their tokens through style attributes, which the policy allows.
  await expect(page.locator('.expressive-code pre[data-language="sh"]').first()).toBeVisible();
  await expectNoViolations(page);

  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.goto('/reference/glossary/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoViolations(page);

  await searchDialog.search('machine check', { via: 'button', paste: true });
  expect(await searchDialog.titles()).toContain('Machine check handling in Xen 3.4: MCA, CMCI and virtual MCE');
  await expectNoViolations(page);

  await page.goto('/search/?q=xenpm');
  await expect(page.getByRole('main').getByRole('link', { name: /xenpm/i }).first()).toBeVisible(SEARCH);
  await page.getByRole('main').getByRole('searchbox').fill('vt-d passthrough');
  await expect(page.getByRole('main').getByRole('link', { name: /pass/i }).first()).toBeVisible(SEARCH);
  await expectNoViolations(page);
}

test('every built page carries the policy, and nothing inline that it would block', () => {
  const pages = readdirSync(OUT_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(10);
  for (const file of pages) {
    const html = readFileSync(path.join(OUT_DIR, file), 'utf8');
    const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1]?.replace(/&#39;/g, "'") ?? '';
    expect(policy, `${file} has a CSP meta tag`).toMatch(/default-src 'self'/);
    expect(policy, file).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(policy, file).toMatch(/style-src 'self'/);
    expect(policy, file).toMatch(/object-src 'none'/);
    const directives = new Map(
      policy.split(';').map((part) => {
        const [name = '', ...sources] = part.trim().split(/\s+/);
        return [name, sources];
      }),
    );
    // Only style attributes may be inline (src/lib/csp.ts says why); scripts never, nor <style>.
    for (const name of ['script-src', 'style-src', 'default-src']) {
      expect(directives.get(name), `${file}: no 'unsafe-inline' or 'unsafe-eval' in ${name}`).not.toContain("'unsafe-inline'");
      expect(directives.get(name), file).not.toContain("'unsafe-eval'");
    }
    expect(directives.get('style-src-attr'), file).toEqual(["'unsafe-inline'"]);
    expect(directives.has('script-src-attr') ? directives.get('script-src-attr') : [], file).not.toContain("'unsafe-inline'");
    expect(html, `${file}: no inline event handlers`).not.toMatch(/<[a-z][^>]*\son[a-z]+="/i);
  }
});

test('reading and searching cause no CSP violations (policy from the meta tag)', async ({ page, searchDialog }) => {
  await recordViolations(page);
  await readAndSearch(page, searchDialog);
});

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('in control, online and offline, nothing is blocked', async ({ page, context, searchDialog }) => {
    test.setTimeout(120_000);
    await recordViolations(page);
    await page.goto('/');
    await expect(page.locator('offline-status')).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the worker controls the page').toBe(true);
    await expectNoViolations(page);

    await readAndSearch(page, searchDialog);
    // The real site is over the precache budget, so its worker saves pages as they are read
    // (src/integrations/service-worker.ts): read the article before the connection drops.
    await page.goto('/features/machine-check-handling/');

    await context.setOffline(true);
    // With no network, search asks only for the result texts the worker saved: none fails.
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(new URL(request.url()).pathname));
    await page.goto('/features/machine-check-handling/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/machine check/i);

    await page.goto('/search/?q=xenpm');
    await expect(page.getByRole('main').getByRole('link', { name: /xenpm/i }).first()).toBeVisible(SEARCH);
    expect(failed.filter((path) => path.startsWith('/pagefind/')), 'requests for search data that failed offline').toEqual([]);
    await expectNoViolations(page);
    await context.setOffline(false);
  });
});
