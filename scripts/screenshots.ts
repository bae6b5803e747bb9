/**
 * Takes screenshots of pages in light and dark, at 390 px and 1280 px wide, into
 * test-results/screenshots/. Usage: node scripts/screenshots.ts [/path/ ...] (site served on :4321).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://localhost:4321';
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/features/whats-new-in-xen-3-4/', '/search/?q=xenpm'];
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
const out = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(out, { recursive: true });

const browser = await chromium.launch(executablePath ? { executablePath } : {});
for (const scheme of ['light', 'dark'] as const) {
  for (const width of [390, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
    for (const path of paths) {
      await page.goto(base + path, { waitUntil: 'networkidle' });
      await page.waitForTimeout(300);
      const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${scheme}-${width}.png`;
      await page.screenshot({ path: `${out}/${name}`, fullPage: process.env.FULL === '1' });
      console.log(`${out}/${name}`);
    }
    await page.close();
  }
}
await browser.close();
