import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { CHEAT_SHEET_IDS, CHEAT_SHEETS, cheatSheetUrl } from '../../src/lib/cheat-sheets.ts';

/** How many sheets of paper a page prints on (Chromium's own PDF, as "Save as PDF" makes it). */
async function printedPages(page: Page, format: 'A4' | 'Letter'): Promise<number> {
  const pdf = (await page.pdf({ format })).toString('latin1');
  return pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

/** The site's chrome: none of it is on paper. */
async function expectNoChrome(page: Page) {
  await expect(page.getByRole('navigation', { name: 'Sections', exact: true })).toBeHidden();
  // The search control is a link without JavaScript and a button with it.
  await expect(page.locator('[data-search-trigger]')).toBeHidden();
  for (const picker of await page.getByRole('combobox', { name: 'Theme' }).all()) await expect(picker).toBeHidden();
  await expect(page.getByText('Menu', { exact: true })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Breadcrumbs' })).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(page.locator('offline-status')).toBeHidden();
}

// Each test keeps a full-page screenshot of what it printed in its folder under test-results/.
test.describe('printed', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`from the ${scheme} theme`, () => {
      test.use({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });

      for (const id of CHEAT_SHEET_IDS) {
        test(`the ${CHEAT_SHEETS[id].title} has no site chrome, black type on white, and fits on two pages`, async ({ page }) => {
          await page.goto(cheatSheetUrl(id));
          await page.emulateMedia({ media: 'print', colorScheme: scheme });
          await expectNoChrome(page);
          await expect(page.getByRole('heading', { level: 1 })).toContainText(CHEAT_SHEETS[id].title);
          const entries = page.locator('.cheat-entry');
          expect(await entries.count()).toBeGreaterThan(10);
          const first = entries.first();
          await expect(first.locator('dd')).toHaveCSS('color', 'rgb(0, 0, 0)');
          await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
          await expect(page.locator('.cheat-columns')).toHaveCSS('column-count', '3');
          // On paper the site's address stands under its name, so the sheet says where it came from.
          await expect(page.getByRole('banner')).toContainText(`/reference/cheat-sheets/${id}/`);
          await page.screenshot({ path: test.info().outputPath(`cheat-sheet-${id}-${scheme}.png`), fullPage: true });
          for (const format of ['A4', 'Letter'] as const) {
            expect(await printedPages(page, format), `${format} pages`).toBeLessThanOrEqual(2);
          }
        });
      }

      test('an article is a clean handout: text and sources, no chrome, link addresses, wrapped code', async ({ page }) => {
        await page.goto('/guides/boot-xen/');
        await page.emulateMedia({ media: 'print', colorScheme: scheme });
        await expectNoChrome(page);
        for (const name of ['Edit this page', 'Report a problem', 'View as Markdown']) {
          await expect(page.getByRole('link', { name })).toBeHidden();
        }
        const toc = page.getByRole('navigation', { name: 'On this page', includeHidden: true });
        await expect(toc).toHaveCount(1);
        await expect(toc).toBeHidden();
        await expect(page.getByRole('heading', { name: 'Related articles' })).toBeHidden();
        await expect(page.getByRole('navigation', { name: 'Previous and next in Guides' })).toBeHidden();

        // What stays: the text in black on white, and the sources with their addresses.
        await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('color', 'rgb(0, 0, 0)');
        await expect(page.locator('.prose p').first()).toHaveCSS('color', 'rgb(0, 0, 0)');
        await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
        const sources = page.getByRole('region', { name: 'Sources' });
        await expect(sources).toBeVisible();
        const afterContent = (selector: string) =>
          page.locator(selector).first().evaluate((link) => getComputedStyle(link, '::after').content);
        expect(await afterContent('#sources + ol a')).toContain('https://github.com/xen-project/xen/');
        expect(await afterContent('.prose a[href^="https://"]')).toMatch(/^" \(" attr|^" \(https:/);
        expect(await afterContent('.prose a[href^="/"]'), 'links within the site print no address').toBe('none');

        // Code wraps inside the page instead of running off its edge.
        const code = page.locator('.expressive-code pre').first();
        await expect(code).toHaveCSS('white-space', 'pre-wrap');
        expect(await code.evaluate((pre) => pre.scrollWidth - pre.clientWidth)).toBeLessThanOrEqual(0);
        await expect(page.locator('.expressive-code .ec-line span[style^="--"]').first()).not.toHaveCSS('color', 'rgb(225, 228, 232)');

        await page.screenshot({ path: test.info().outputPath(`article-boot-xen-${scheme}.png`), fullPage: true });
      });
    });
  }
});

test('each cheat sheet is reachable from its reference article and from the reference section', async ({ page }) => {
  for (const id of CHEAT_SHEET_IDS) {
    await page.goto(`/${CHEAT_SHEETS[id].reference}/`);
    await page.getByRole('link', { name: `${CHEAT_SHEETS[id].title}, ready to print` }).click();
    await expect(page).toHaveURL(new RegExp(`${cheatSheetUrl(id)}$`));
    await expect(page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Cheat sheets' })).toHaveAttribute('href', '/reference/cheat-sheets/');
  }
  await page.goto('/reference/');
  const section = page.getByRole('region', { name: 'Cheat sheets' });
  await expect(section.getByRole('link')).toHaveCount(CHEAT_SHEET_IDS.length + 1);
  await section.getByRole('link', { name: 'Cheat sheets' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cheat sheets');
  await expect(page.getByRole('main').getByRole('link', { name: /cheat sheet$/ })).toHaveCount(CHEAT_SHEET_IDS.length);
});

test('each entry of a cheat sheet links to its row on the reference page', async ({ page }) => {
  await page.goto(cheatSheetUrl('xenpm'));
  const link = page.locator('.cheat-entry dt a').first();
  const href = (await link.getAttribute('href'))!;
  await link.click();
  await expect(page.locator(new URL(href, 'http://x').hash)).toBeInViewport();
});
