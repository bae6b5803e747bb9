import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { test, expect as baseExpect, expectPageSettled } from './fixtures.ts';
import { KINDS, kindOfSection } from '../../src/schemas/kinds.ts';
import { TOPICS, type TopicId } from '../../src/schemas/topics.ts';
import { glossaryPages, type GlossaryTerm } from '../../src/lib/glossary.ts';
import { SOURCE_LISTING_PAGES } from '../../src/lib/source-listing.ts';

// The first search of a page loads Pagefind and its index; allow for a slow, busy machine.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 60_000 });

test.describe('the search dialog', () => {
  test('Ctrl+K opens it with the cursor in the search box; Esc closes it and gives focus back', async ({ page, searchDialog }) => {
    await page.goto('/features/ras/');
    const edit = page.getByRole('link', { name: 'Edit this page' });
    await edit.focus();
    await searchDialog.open('shortcut');
    await page.keyboard.type('xenpm');
    await searchDialog.close('escape');
    await expect(edit).toBeFocused();
  });

  test('the keys typed while the dialog first loads all reach the search box', async ({ page, searchDialog }) => {
    // The dialog's code loads on first use; hold it back so the reader types before it arrives.
    await page.route(/\/_astro\/search-dialog\.[^/]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.goto('/features/ras/');
    await page.keyboard.press('ControlOrMeta+k');
    await page.keyboard.type('xenpmm');
    await page.keyboard.press('Backspace');
    await expect(searchDialog.searchbox).toHaveValue('xenpm');
    await expect(searchDialog.searchbox).toBeFocused();
    await expect(searchDialog.status).toContainText('“xenpm”', { timeout: 20_000 });
    await page.keyboard.type(' tool');
    await expect(searchDialog.searchbox).toHaveValue('xenpm tool');
  });

  test('"/" opens it, except while the reader is typing in a field', async ({ page, searchDialog }) => {
    await page.goto('/guides/');
    await searchDialog.open('slash');
    await searchDialog.close('escape');

    await page.goto('/search/');
    const box = page.getByRole('main').getByRole('searchbox');
    await box.fill('');
    await box.pressSequentially('a/b');
    await expect(box).toHaveValue('a/b');
    await expect(searchDialog.dialog).toBeHidden();
  });

  test('the header button opens it, and Tab and Shift+Tab stay inside it', async ({ page, searchDialog }) => {
    await page.goto('/');
    const { dialog, searchbox, trigger } = searchDialog;
    await expect(trigger).toHaveAttribute('aria-haspopup', 'dialog');
    await searchDialog.search('vpt_align', { via: 'button' });
    await expect(searchDialog.status).toContainText('match');
    const last = dialog.getByRole('link').last();
    await last.focus();
    await page.keyboard.press('Tab');
    await expect(searchbox).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(last).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await searchDialog.close('button');
    await expect(trigger).toBeFocused();
  });

  test('a result shows its title, kind and highlighted excerpt, with sections linking to their headings', async ({ page, searchDialog }) => {
    await page.goto('/');
    await searchDialog.search('cpufreq governor');
    expect((await searchDialog.titles())[0]).toBe('P-states and cpufreq in Xen 3.4');
    const first = searchDialog.results.getByRole('listitem').first();
    await expect(first.getByRole('link', { name: 'P-states and cpufreq in Xen 3.4' })).toBeVisible();
    await expect(first.getByText('Feature', { exact: true })).toBeVisible();
    await expect(first.locator('mark').first()).toHaveText(/cpufreq|governor/i);

    const sections = first.getByRole('list', { name: /Matching sections of/ }).getByRole('link');
    expect(await sections.count()).toBeGreaterThan(0);
    const href = (await sections.first().getAttribute('href'))!;
    expect(href).toMatch(/^\/features\/p-states-and-cpufreq\/\?pagefind-highlight=cpufreq&pagefind-highlight=governor#[\w-]+$/);
    const name = (await sections.first().textContent())!;
    await sections.first().click();
    await expect(page).toHaveURL(href);
    await expect(page.getByRole('heading', { name, exact: true })).toBeInViewport();
  });

  test('screen readers hear the number of results', async ({ page, searchDialog }) => {
    await page.goto('/');
    await searchDialog.search('machine check');
    const { status } = searchDialog;
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await expect(status).toHaveText(/^\d+ articles match “machine check”\.$/);
    const count = Number((await status.textContent())!.match(/^\d+/)![0]);
    expect(count).toBeGreaterThan(1);
  });

  test('arrow keys move through the results and Enter opens one', async ({ page, searchDialog }) => {
    await page.goto('/');
    await searchDialog.search('battery life');
    const links = searchDialog.results.getByRole('link');
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(searchDialog.searchbox).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const href = (await links.nth(0).getAttribute('href'))!;
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(href);
    expect(href).toMatch(/^\/comparisons\/battery-life-and-power\/\?pagefind-highlight=battery&pagefind-highlight=life$/);
  });

  test('links to all results on the search page', async ({ page, searchDialog }) => {
    await page.goto('/');
    await searchDialog.search('xen');
    await expect(searchDialog.resultLinks).toHaveCount(5);
    await searchDialog.dialog.getByRole('link', { name: /^Show all \d+ results$/ }).click();
    await expect(page).toHaveURL('/search/?q=xen');
    await expect(page.getByRole('main').getByRole('searchbox')).toHaveValue('xen');
  });

  test('has no accessibility violations while open with results, in light and dark', async ({ page, axe, searchDialog }) => {
    test.slow(); // two page loads and two axe runs
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/guides/boot-xen/');
      await searchDialog.search('passthrough');
      await expect(searchDialog.resultLinks.first()).toBeVisible();
      expect(await axe.violations(), `dialog in ${scheme}`).toEqual([]);
    }
  });

  test('loads nothing of the search until the reader asks for it', async ({ page, searchDialog }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto('/features/machine-check-handling/');
    await expectPageSettled(page);
    expect(requests.filter((p) => p.startsWith('/pagefind/') || /search-(client|dialog|highlight)/.test(p))).toEqual([]);
    await searchDialog.search('mce');
    await expect(searchDialog.resultLinks.first()).toBeVisible();
    expect(requests).toContain('/pagefind/pagefind.js');
  });
});

test.describe('the search page', () => {
  test('opens a shared link with its query and filters, and keeps the URL in step', async ({ page }) => {
    await page.goto('/search/?q=cpufreq&kind=guide&topic=power');
    const main = page.getByRole('main');
    await expect(main.getByRole('searchbox')).toHaveValue('cpufreq');
    await expect(main.getByRole('combobox', { name: 'Kind' })).toHaveValue('guide');
    await expect(main.getByRole('combobox', { name: 'Topic' })).toHaveValue('power');
    await expect(main.getByRole('status')).toHaveText(/^\d+ guides? about Power management match(es)? “cpufreq”\.$/);
    const results = main.getByRole('list', { name: 'Search results' }).getByRole('listitem').filter({ has: page.getByRole('heading') });
    expect(await results.count()).toBeGreaterThan(0);
    for (const kind of await results.locator('.search-result-kind').allTextContents()) expect(kind).toBe('Guide');
    await expect(main.getByRole('heading', { level: 2, name: 'Tune Xen 3.4 power management with cpufreq, C-states and xenpm' })).toBeVisible();

    await main.getByRole('combobox', { name: 'Kind' }).selectOption('feature');
    await expect(page).toHaveURL('/search/?q=cpufreq&kind=feature&topic=power');
    await expect(main.getByRole('heading', { level: 2, name: 'P-states and cpufreq in Xen 3.4' })).toBeVisible();

    await main.getByRole('searchbox').fill('C-states');
    await expect(page).toHaveURL('/search/?q=C-states&kind=feature&topic=power');
    await page.reload();
    await expect(main.getByRole('searchbox')).toHaveValue('C-states');
    await expect(main.getByRole('heading', { level: 2, name: 'C-states and cpuidle in Xen 3.4' })).toBeVisible();
    await expect(page).toHaveTitle(/^C-states – Search/);
  });

  test('lists a kind or topic without a query, and shows more on request', async ({ page }) => {
    await page.goto('/search/?kind=feature');
    const main = page.getByRole('main');
    const features = readdirSync(path.resolve('content/articles/features')).filter((file) => file.endsWith('.mdx')).length;
    await expect(main.getByRole('status')).toHaveText(`${features} feature articles.`);
    const items = main.getByRole('list', { name: 'Search results' }).getByRole('heading', { level: 2 });
    await expect(items).toHaveCount(10);
    await main.getByRole('button', { name: /Show more results/ }).click();
    await expect.poll(() => items.count()).toBeGreaterThan(10);
    await expect(items.nth(10).getByRole('link')).toBeFocused();
  });

  test('the index holds the right kind and topic of every article', async ({ page }) => {
    const expected: Record<string, Record<string, number>> = { kind: {}, topic: {} };
    const root = path.resolve('content/articles');
    for (const section of readdirSync(root)) {
      for (const file of readdirSync(path.join(root, section)).filter((f) => f.endsWith('.mdx'))) {
        const frontmatter = parse(readFileSync(path.join(root, section, file), 'utf8').split(/^---$/m)[1]!) as { topics: TopicId[] };
        const kind = KINDS[kindOfSection(section)!].label;
        expected.kind![kind] = (expected.kind![kind] ?? 0) + 1;
        for (const topic of frontmatter.topics) expected.topic![TOPICS[topic].label] = (expected.topic![TOPICS[topic].label] ?? 0) + 1;
      }
    }
    // Reference pages that are not articles are filed under Reference too: the glossary's pages
    // after the first (the first is an article) and the boot options listed from the source.
    const glossary = parse(readFileSync('content/glossary.yaml', 'utf8')) as GlossaryTerm[];
    const reference = KINDS.reference.label;
    expected.kind![reference] = (expected.kind![reference] ?? 0) + glossaryPages(glossary).length - 1 + Object.keys(SOURCE_LISTING_PAGES).length;
    await page.goto('/');
    const filters = await page.evaluate(async () => {
      const url = '/pagefind/pagefind.js';
      const pagefind = await import(/* @vite-ignore */ url);
      await pagefind.init();
      return pagefind.filters();
    });
    expect(filters).toEqual(expected);
  });

  test('without a query it says what to type and offers sections and topics', async ({ page }) => {
    await page.goto('/search/');
    const main = page.getByRole('main');
    await expect(main.getByRole('searchbox')).toBeFocused();
    await expect(main.getByRole('status')).toHaveText(/Type a word or two/);
    await expect(main.getByRole('link', { name: 'xenpm', exact: true })).toHaveAttribute('href', '/search/?q=xenpm');
    await expect(main.getByRole('link', { name: /^Guides Step by step/ })).toHaveAttribute('href', '/guides/');
    await expect(main.getByRole('link', { name: 'Power management', exact: true })).toHaveAttribute('href', '/topics/power/');
  });

  test('with no results it says so and suggests where to go next', async ({ page }) => {
    // A word the index lacks is searched as its longest prefix the index has (Pagefind's design:
    // "qwertyuiop" finds a page with the bare key name "q"), so the query is in a script no
    // article uses, whose letters can begin no indexed word.
    await page.goto(`/search/?q=${encodeURIComponent('жщюэя')}`);
    const main = page.getByRole('main');
    await expect(main.getByRole('status')).toHaveText('No articles match “жщюэя”. Try fewer or other words, or browse a section or topic below.');
    await expect(main.getByRole('list', { name: 'Search results' })).toBeHidden();
    await expect(main.getByRole('heading', { name: 'Not sure what to search for?' })).toBeVisible();
    await expect(main.getByRole('link', { name: 'RAS', exact: true })).toBeVisible();
  });

  test('with no results under a filter it offers to search everything', async ({ page }) => {
    await page.goto('/search/?q=mcelog&kind=comparison');
    const main = page.getByRole('main');
    await expect(main.getByRole('status')).toContainText('No comparisons match “mcelog”. Search all kinds and topics, try fewer or other words');
    await main.getByRole('button', { name: 'Search all kinds and topics' }).click();
    await expect(page).toHaveURL('/search/?q=mcelog');
    await expect(main.getByRole('heading', { level: 2, name: 'Log machine check errors on Xen 3.4' })).toBeVisible();
  });

  test.describe('when the search index cannot load', () => {
    // One pattern in the array: Playwright would read [a, b] as a fixture value and its options.
    test.use({ serviceWorkers: 'block', expectedConsole: [/Failed to load resource|Failed to fetch dynamically imported module/] });
    test('it says so and offers to browse instead', async ({ page }) => {
      await page.route('**/pagefind/**', (route) => route.abort());
      await page.goto('/search/?q=xenpm');
      const main = page.getByRole('main');
      await expect(main.getByRole('status')).toHaveText(/^Search could not load.*browse a section or topic below\.$/);
      await expect(main.getByRole('link', { name: 'Power management', exact: true })).toBeVisible();
    });
  });

  test('has no accessibility violations with results, in light and dark', async ({ page, axe }) => {
    test.slow(); // two page loads and two axe runs
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/search/?q=machine+check&topic=ras');
      await expect(page.getByRole('main').getByRole('status')).toContainText('match');
      expect(await axe.violations(), `/search/ in ${scheme}`).toEqual([]);
    }
  });
});

test.describe('a query is always text', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const shownAsText = '<img src=x onerror=';

  test('markup in the URL or the box is shown as text and never runs', async ({ page, searchDialog }) => {
    page.on('dialog', (d) => {
      throw new Error(`a script ran and opened a dialog: ${d.message()}`);
    });
    await page.goto(`/search/?q=${encodeURIComponent(hostile)}`);
    const main = page.getByRole('main');
    await expect(main.getByRole('searchbox')).toHaveValue(hostile);
    // The markup is shown as text. (Its words may be spelling-corrected, "alert" to a name the
    // site has, so the check stops before them.)
    await expect(main.getByRole('status')).toContainText(`“${shownAsText}`);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);

    await page.goto('/');
    await searchDialog.open();
    await searchDialog.searchbox.pressSequentially(hostile);
    await expect(searchDialog.status).toContainText(shownAsText);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
  });

  test('5,000 characters are cut to what is searched, and the reader is told', async ({ page, searchDialog }) => {
    const long = 'xenpm '.repeat(834).slice(0, 5000);
    await page.goto(`/search/?q=${encodeURIComponent(long)}`);
    const status = page.getByRole('main').getByRole('status');
    await expect(status).toContainText('Only the first 200 characters were searched.');
    await expect(page).toHaveURL((url) => (url.searchParams.get('q') ?? '').length <= 200);

    await page.goto('/');
    await searchDialog.open();
    await searchDialog.searchbox.fill(long);
    await expect(searchDialog.status).toContainText('Only the first 200 characters were searched.');
  });

  test('regular-expression characters are searched as they are', async ({ page }) => {
    for (const query of ['.*[(', '\\d+$', 'menu.lst (hd0,0)']) {
      await page.goto(`/search/?q=${encodeURIComponent(query)}`);
      await expect(page.getByRole('main').getByRole('status')).toContainText(`“${query}”`);
    }
    await expect(page.getByRole('main').getByRole('heading', { level: 2, name: 'Boot Xen 3.4 with GRUB legacy' })).toBeVisible();
  });
});

test.describe('the page opened from a result', () => {
  test('highlights the searched words and clears them on request', async ({ page }) => {
    await page.goto('/search/?q=machine+check');
    await page.getByRole('main').getByRole('link', { name: 'Machine check handling in Xen 3.4: MCA, CMCI and virtual MCE' }).click();
    await expect(page).toHaveURL('/features/machine-check-handling/?pagefind-highlight=machine&pagefind-highlight=check');
    const marks = page.getByRole('article').locator('mark.search-highlight');
    await expect(marks.first()).toBeVisible();
    const bar = page.getByRole('region', { name: 'Search highlights' });
    await expect(bar).toContainText(/^\d+ matches for “machine” and “check” highlighted\./);

    await bar.getByRole('button', { name: 'Clear highlights' }).click();
    await expect(marks).toHaveCount(0);
    await expect(bar).toBeHidden();
    await expect(page).toHaveURL('/features/machine-check-handling/');
    await expect(page.getByRole('main')).toBeFocused();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Machine check handling in Xen 3.4: MCA, CMCI and virtual MCE');
  });

  test('loads the highlighter only when the URL asks for it', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto('/features/ras/');
    await expectPageSettled(page);
    expect(requests).not.toContain('/pagefind/pagefind-highlight.js');
    await page.goto('/features/ras/?pagefind-highlight=offlining');
    await expect(page.getByRole('region', { name: 'Search highlights' })).toBeVisible();
    expect(requests).toContain('/pagefind/pagefind-highlight.js');
  });
});

test.describe('other names for the same thing', () => {
  test('are found by search but are not on the page for readers or screen readers', async ({ page, searchDialog }) => {
    await page.goto('/');
    await searchDialog.search('DVFS');
    expect(await searchDialog.titles()).toContain('P-states and cpufreq in Xen 3.4');

    await page.goto('/features/p-states-and-cpufreq/');
    await expect(page.getByText('DVFS')).toHaveCount(0);
    expect(await page.locator('body').ariaSnapshot()).not.toContain('DVFS');
  });
});
