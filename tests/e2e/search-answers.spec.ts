import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures.ts';
import { SEARCH_TIMEOUT } from './search-dialog.ts';
import { OUT_DIR } from './sitemap.ts';
import { correctWord, vocabulary } from '../../src/lib/spelling.ts';

/**
 * What search adds to Pagefind: corrected misspellings, direct answers for exact names, and the
 * reader's recent searches and pages. Each test drives the dialog or the search page as a reader
 * does and checks what is on screen.
 */

// Some tests search, read and search again: give slow machines time.
const SEARCH = { timeout: SEARCH_TIMEOUT };
test.describe.configure({ timeout: 90_000 });

test.describe('misspelt words', () => {
  test('the dialog searches the word the reader meant, says so, and can search as typed', async ({ page, searchDialog }) => {
    await page.goto('/');
    await searchDialog.open('button');
    await searchDialog.type('pasthrough');
    await expect(searchDialog.correction).toHaveText('Showing results for passthrough. Search for pasthrough instead.', SEARCH);
    await expect(searchDialog.status).toContainText('“passthrough”');
    expect((await searchDialog.titles()).some((title) => /PCI passthrough/.test(title))).toBe(true);

    await searchDialog.dialog.getByRole('button', { name: 'pasthrough' }).click();
    await expect(searchDialog.status).toContainText('“pasthrough”', SEARCH);
    await expect(searchDialog.correction).toBeHidden();
  });

  test('the search page corrects a misspelling in a shared link and keeps the link as typed', async ({ page }) => {
    await page.goto('/search/?q=cpufrq');
    const main = page.getByRole('main');
    await expect(main.getByText('Showing results for cpufreq.')).toBeVisible(SEARCH);
    await expect(main.getByRole('link', { name: 'P-states and cpufreq in Xen 3.4' })).toBeVisible();
    // The corrected word is an exact name too: its row is answered first, as for the word typed right.
    await expect(main.locator('.search-answer').first()).toContainText('Boot option');
    expect(new URL(page.url()).searchParams.get('q')).toBe('cpufrq');
  });

  test('misspellings no test wrote by hand are corrected back to the word (the built vocabulary)', () => {
    const folder = path.join(OUT_DIR, 'search/vocabulary');
    let tried = 0;
    let fixed = 0;
    // Every 7th word of 6+ letters in each letter's file, with one deterministic typo each:
    // a dropped, doubled or swapped letter, or a wrong one, never the first letter.
    for (const file of readdirSync(folder)) {
      const words = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as string[];
      const known = vocabulary(words);
      words.forEach((word, index) => {
        if (index % 7 || word.length < 6 || !/^[a-z]+$/.test(word)) return;
        const at = 1 + (index % (word.length - 2));
        const typos = [
          word.slice(0, at) + word.slice(at + 1),
          word.slice(0, at) + word[at] + word.slice(at),
          word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2),
          word.slice(0, at) + (word[at] === 'e' ? 'a' : 'e') + word.slice(at + 1),
        ];
        const typo = typos[index % typos.length]!;
        if (typo === word || known.has(typo)) return;
        tried++;
        if (correctWord(typo, known) === word) fixed++;
      });
    }
    expect(tried).toBeGreaterThan(150);
    // Some typos are as close to another, more frequent word; nine in ten must come back.
    expect(fixed / tried, `${fixed} of ${tried} corrected`).toBeGreaterThan(0.9);
  });
});

test.describe('exact names', () => {
  test('a boot option typed exactly is answered first by its row, and Enter lands on the row', async ({ page, searchDialog }) => {
    await page.goto('/guides/boot-xen/');
    await searchDialog.search('max_cstate');
    const answer = searchDialog.results.getByRole('listitem').first();
    await expect(answer).toHaveClass(/search-answer/);
    await expect(answer).toContainText('Boot option');
    await expect(answer).toContainText('Caps the deepest C-state');
    await searchDialog.searchbox.press('Enter');
    await expect(page).toHaveURL(/\/reference\/power-management-boot-options\/#opt-max-cstate$/);
    const row = page.locator('tr#opt-max-cstate');
    await expect(row).toBeInViewport({ timeout: 15_000 }); // the page scrolls to the row smoothly
    const [target, neighbour] = await Promise.all([
      row.evaluate((el) => getComputedStyle(el).backgroundColor),
      row.locator('xpath=following-sibling::tr[1]').evaluate((el) => getComputedStyle(el).backgroundColor),
    ]);
    expect(target, 'the row is highlighted').not.toBe(neighbour);
  });

  for (const [query, kind, url] of [
    ['xm pci-attach', 'xm command', '/reference/xm-commands/#xm-pci-attach'],
    ['set-max-cstate', 'xenpm command', '/reference/xenpm/#xenpm-set-max-cstate'],
    ['vpt_align', 'Configuration key', '/reference/hvm-guest-configuration/#cfg-hvm-vpt-align'],
    ['xen_platform_pci', 'Configuration key', '/reference/hvm-guest-configuration/#cfg-hvm-xen-platform-pci'],
    // Options the reference page does not explain have their row on the page listed from the source.
    ['ler', 'Boot option', '/reference/boot-options/from-source/#opt-ler'],
    ['machine_address_size', 'Configuration key', '/reference/domain-configuration/from-source/#cfg-src-machine-address-size'],
    ['xend-relocation-hosts-allow', 'xend-config.sxp setting', '/reference/xend-configuration/#xend-xend-relocation-hosts-allow'],
    ['cpuid_mask_cpu', 'Boot option', '/reference/cpu-and-platform-boot-options/#opt-cpuid-mask-cpu'],
  ] as const) {
    test(`“${query}” is answered by its ${kind} row`, async ({ page }) => {
      await page.goto(`/search/?q=${encodeURIComponent(query)}`);
      const first = page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first();
      await expect(first).toContainText(kind, SEARCH);
      await expect(first.getByRole('link').first()).toHaveAttribute('href', url);
    });
  }
});

test.describe('recent searches and pages', () => {
  test('are offered when the search opens empty, survive a reload, and can be cleared', async ({ page, searchDialog, axe }) => {
    await page.goto('/');
    await searchDialog.search('xenpm');
    await searchDialog.choose(/xenpm/i);
    const read = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();

    await page.goto('/');
    await page.reload();
    await searchDialog.open();
    await expect(searchDialog.recentSearches.getByRole('link', { name: 'xenpm' })).toHaveAttribute('href', '/search/?q=xenpm');
    await expect(searchDialog.recentPages.getByRole('link', { name: read })).toBeVisible();
    // In the dialog the lists sit under its heading; on the search page, under the page's <h1>.
    await expect(searchDialog.dialog.getByRole('heading', { level: 3, name: 'Recent searches' })).toBeVisible();
    await searchDialog.close();
    await page.goto('/search/');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 2, name: 'Recent searches' })).toBeVisible();
    await expect(main.getByRole('heading', { level: 2, name: 'Recently read' })).toBeVisible();
    expect(await axe.violations(), 'the search page with history').toEqual([]);
    await page.goto('/');
    await searchDialog.open();

    await searchDialog.clearHistory.click();
    await expect(searchDialog.recentSearches).toBeHidden();
    await page.reload();
    await searchDialog.open();
    await expect(searchDialog.recentSearches).toBeHidden();
  });
});

test.describe('offline', () => {
  // The real site saves pages and result texts as they are read (its worker's shell mode, see
  // src/integrations/service-worker.ts): offline, the texts of results never shown before cannot
  // load, and Chromium logs each failed request. What the reader sees is checked below.
  test.use({ serviceWorkers: 'allow', expectedConsole: [/^error: Failed to load resource: net::ERR_(FAILED|INTERNET_DISCONNECTED)$/] });

  test('recent searches and corrections work with no network', async ({ page, context, searchDialog }) => {
    test.setTimeout(150_000);
    await page.goto('/');
    await expect(page.locator('offline-status')).toHaveAttribute('data-state', 'ready', { timeout: 120_000 });
    await searchDialog.search('hpet');
    await searchDialog.choose();

    await context.setOffline(true);
    await page.goto('/');
    await searchDialog.open();
    await expect(searchDialog.recentSearches.getByRole('link', { name: 'hpet' })).toBeVisible();
    await searchDialog.type('hypervsor');
    await expect(searchDialog.correction).toContainText('Showing results for hypervisor.', SEARCH);
    await expect(searchDialog.status).toContainText(/^\d+ articles match “hypervisor”\. .*not saved on this device/);
    await context.setOffline(false);
  });
});

test.describe('the offline status', () => {
  test.use({ serviceWorkers: 'allow' });

  for (const width of [390, 1280]) {
    test(`sits in the header and covers no text at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('/guides/boot-xen/');
      const status = page.locator('offline-status [data-box]');
      await expect(page.locator('offline-status')).toHaveAttribute('data-message', 'saving', { timeout: 30_000 });
      const [box, header] = await Promise.all([status.boundingBox(), page.getByRole('banner').boundingBox()]);
      expect(box && header && box.y >= header.y && box.y + box.height <= header.y + header.height, 'inside the header').toBe(true);
      // Nothing of the header's own controls is pushed off the screen either.
      const overflow = await page.getByRole('banner').evaluate((header) =>
        [...header.querySelectorAll('a, button, summary, select')]
          .filter((el) => el.getClientRects().length > 0)
          .some((el) => el.getBoundingClientRect().right > innerWidth),
      );
      expect(overflow, 'every header control fits on the screen').toBe(false);
    });
  }
});

test('a diagram opens full size from its article, by keyboard too, under the title a screen reader hears', async ({ page }) => {
  await page.goto('/features/xen-architecture/');
  const svgTitle = (await page.locator('figure.diagram svg > title').first().textContent())!.trim();
  expect(svgTitle).toMatch(/Xen 3\.4/);
  const link = page.getByRole('link', { name: 'Open the diagram full size' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/diagrams\/xen-architecture\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(svgTitle);
  await expect(page).toHaveTitle(new RegExp(`^Diagram: ${svgTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  const figure = page.getByRole('img', { name: svgTitle });
  await expect(figure).toBeVisible();
  expect((await figure.boundingBox())!.width).toBeGreaterThan(800);
  await page.getByRole('main').getByText('Shown in').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/features\/xen-architecture\/$/);
});
