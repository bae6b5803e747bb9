/**
 * Takes screenshots of pages in light and dark, at 390 px and 1280 px wide, into
 * test-results/screenshots/. Usage: node scripts/screenshots.ts [/path/ ...] (site served on :4321).
 * The service worker is blocked, so the "Saving for offline use" notice stays out of the pictures.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://localhost:4321';
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/features/whats-new-in-xen-3-4/', '/search/?q=xenpm'];
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
const out = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(out, { recursive: true });

/**
 * Waits until the page looks as a reader sees it once it is ready: its own scripts have run
 * (the offline status has a state), its fonts are in, and on the search page the results (or
 * the news that there are none) are shown.
 */
async function ready(page: Page, url: URL) {
  await page.locator('offline-status[data-state]').waitFor({ state: 'attached' });
  if (url.pathname === '/search/' && url.searchParams.get('q')) {
    await page.getByRole('main').getByRole('status').filter({ hasText: '“' }).waitFor({ timeout: 20_000 });
  }
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

const browser = await chromium.launch(executablePath ? { executablePath } : {});
for (const scheme of ['light', 'dark'] as const) {
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, serviceWorkers: 'block' });
    const page = await context.newPage();
    for (const path of paths) {
      const url = new URL(path, base);
      await page.goto(url.href);
      await ready(page, url);
      const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${scheme}-${width}.png`;
      // Transitions and animations jump to their end, so nothing is caught half-way.
      await page.screenshot({ path: `${out}/${name}`, fullPage: process.env.FULL === '1', animations: 'disabled' });
      console.log(`${out}/${name}`);
    }
    await context.close();
  }
}
await browser.close();
