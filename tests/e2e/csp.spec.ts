import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { SEARCH_TIMEOUT, type SearchDialog } from './search-dialog.ts';
import { OUT_DIR } from './sitemap.ts';

/**
 * The site works under its Content-Security-Policy: no inline script without a hash, no inline
 * style, WebAssembly for search only through 'wasm-unsafe-eval'. Every test records the
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
      window.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
    });
  });
}

async function expectNoViolations(page: Page) {
  expect(await page.evaluate(() => window.cspViolations), `no CSP violations on ${page.url()}`).toEqual([]);
}

/** The response headers that public/_headers (completed by the build) gives every page. */
function headersForPages(): Record<string, string> {
  const file = readFileSync(path.join(OUT_DIR, '_headers'), 'utf8');
  const section = file.split(/^\/\*$/m)[1]!.split(/\n\s*\n/)[0]!;
  return Object.fromEntries(
    section
      .split('\n')
      .map((line) => /^\s+([\w-]+):\s*(.+)$/.exec(line))
      .filter((m): m is RegExpExecArray => Boolean(m))
      .map((m) => [m[1]!.toLowerCase(), m[2]!.trim()]),
  );
}

/** Search results can take a few seconds on a slow machine: the first query loads the index. */
const SEARCH = { timeout: SEARCH_TIMEOUT };

/** Reads an article, uses its controls, then searches in the dialog and on /search/. */
async function readAndSearch(page: Page, searchDialog: SearchDialog) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/guides/boot-xen/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Code blocks: their colours come from a stylesheet, not style attributes.
  const token = page.locator('.expressive-code pre code span[class^="s-"]').first();
  await expect(token).toBeVisible();
  expect(await token.evaluate((el) => getComputedStyle(el).getPropertyValue('--0').trim()), 'code colours still apply').not.toBe('');
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
    expect(policy, `${file}: no unsafe-inline or unsafe-eval`).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    expect(html, `${file}: no style attributes`).not.toMatch(/<[a-z][^>]*\sstyle="/i);
    expect(html, `${file}: no inline event handlers`).not.toMatch(/<[a-z][^>]*\son[a-z]+="/i);
  }
});

test('reading and searching cause no CSP violations (policy from the meta tag)', async ({ page, searchDialog }) => {
  await recordViolations(page);
  await readAndSearch(page, searchDialog);
});

test.describe('with the headers from _headers', () => {
  // A route answers instead of the service worker, so keep the worker out of this one.
  test.use({ serviceWorkers: 'block' });

  test('the header policy, which also covers the theme script before the meta tag, blocks nothing', async ({ page, searchDialog }) => {
    const headers = headersForPages();
    expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBeTruthy();
    expect(headers['permissions-policy']).toBeTruthy();
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      const isPage = (response.headers()['content-type'] ?? '').startsWith('text/html');
      await route.fulfill({ response, headers: { ...response.headers(), ...(isPage ? headers : {}) } });
    });
    await recordViolations(page);
    // A theme chosen earlier: the inline theme script must run under the header policy.
    await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.evaluate(() => localStorage.removeItem('theme'));
    await readAndSearch(page, searchDialog);
    // Search may still be fetching index chunks: let those requests end without the route.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });
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

    await context.setOffline(true);
    await page.goto('/features/machine-check-handling/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto('/search/?q=xenpm');
    await expect(page.getByRole('main').getByRole('link', { name: /xenpm/i }).first()).toBeVisible(SEARCH);
    await expectNoViolations(page);
    await context.setOffline(false);
  });
});
