import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { test, expect } from './fixtures.ts';
import { glossaryPages, type GlossaryTerm } from '../../src/lib/glossary.ts';

// Where the glossary splits depends on its terms, so the pages are worked out from the data the
// site is built from, as the site does: a new term must not break the tests.
const glossary = glossaryPages(parse(readFileSync('content/glossary.yaml', 'utf8')) as GlossaryTerm[]);
const lastGlossaryPage = glossary.at(-1)!;
const xmGlossaryPage = glossary.find((page) => page.entries.some(({ id }) => id === 'xm'))!;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const xmTermUrl = new RegExp(`${escape(xmGlossaryPage.href)}#xm$`);

const pages = [
  { path: '/', h1: 'Xen 3.4, explained and set up' },
  { path: '/features/', h1: 'Features' },
  { path: '/guides/', h1: 'Guides' },
  { path: '/comparisons/', h1: 'Comparisons' },
  { path: '/reference/', h1: 'Reference' },
  { path: '/topics/', h1: 'Topics' },
  { path: '/topics/power/', h1: 'Power management' },
  { path: '/features/machine-check-handling/', h1: /machine check/i },
  { path: '/guides/boot-xen/', h1: /boot/i },
  { path: '/comparisons/type-1-vs-type-2/', h1: /type 1/i },
  { path: '/reference/glossary/', h1: /glossary/i },
  { path: lastGlossaryPage.href, h1: `Xen 3.4 glossary: ${lastGlossaryPage.label}` },
  { path: '/reference/boot-options/from-source/', h1: 'Xen 3.4 boot options listed from the source' },
  { path: '/reference/domain-configuration/from-source/', h1: 'Xen 3.4 domain configuration keys listed from the source' },
  { path: '/reference/xm-commands/from-source/', h1: 'Xen 3.4 xm commands listed from the source' },
  { path: '/features/page/2/', h1: 'Features' },
  { path: '/search/', h1: 'Search' },
];

test.describe('every page type', () => {
  for (const { path, h1 } of pages) {
    test(`${path} has its landmarks and one main heading`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('banner')).toBeVisible();
      await expect(page.getByRole('main')).toBeVisible();
      await expect(page.getByRole('contentinfo')).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
      await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', new RegExp(`${path.replace(/\//g, '\\/')}$`));
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /.+/);
    });
  }
});

test('an article shows what a reader needs around the text', async ({ page }) => {
  await page.goto('/guides/boot-xen/');
  const breadcrumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
  await expect(breadcrumbs.getByRole('link', { name: 'Guides' })).toHaveAttribute('href', '/guides/');
  await expect(page.getByRole('link', { name: 'Guide', exact: true })).toBeVisible();
  await expect(page.getByText(/min read/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit this page' })).toHaveAttribute('href', /\/edit\/main\/content\/articles\/guides\/boot-xen\.mdx$/);
  await expect(page.getByRole('link', { name: 'Report a problem' })).toHaveAttribute('href', /issues\/new/);
  const pager = page.getByRole('navigation', { name: 'Previous and next in Guides' });
  await expect(pager.getByRole('link', { name: /Previous/ })).toBeVisible();
  await expect(pager.getByRole('link', { name: /Next/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Related articles' })).toBeVisible();
});

test('links and code in a callout look as they do in the running text, in both themes', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/features/hvm-guest-firmware/');
    const look = (selector: string) =>
      page.locator(selector).first().evaluate((el) => {
        const style = getComputedStyle(el);
        return { color: style.color, underline: style.textDecorationLine, background: style.backgroundColor };
      });
    const callout = 'aside.callout:has-text("out of date")';
    const textLink = await look('article .prose > p a[href^="https://github.com"]');
    const calloutLink = await look(`${callout} p a`);
    expect(calloutLink.underline, colorScheme).toBe('underline');
    expect(calloutLink.color, colorScheme).toBe(textLink.color);
    const textCode = await look('article .prose > p code');
    const calloutCode = await look(`${callout} p code`);
    expect(calloutCode.background, colorScheme).toBe(textCode.background);
    expect(calloutCode.background, colorScheme).not.toBe('rgba(0, 0, 0, 0)');
    // The label stays the callout's own: not a paragraph of the running text.
    await expect(page.locator(`${callout} > p`).first()).toHaveCSS('font-weight', '600');
  }
});

test('a long section is split into pages a reader can move between, every article on one of them', async ({ page }) => {
  await page.goto('/features/');
  const pages = page.getByRole('navigation', { name: 'Pages of Features' });
  await expect(pages.getByRole('link', { name: 'Page 1', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('head link[rel=next]')).toHaveAttribute('href', '/features/page/2/');
  const first = await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents();
  await expect(page.getByText(/^Page 1 of \d+: articles 1–24 of \d+\.$/)).toBeVisible();

  await pages.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/\/features\/page\/2\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Features');
  await expect(page).toHaveTitle(/^Features, page 2 of \d+ · /);
  await expect(pages.getByRole('link', { name: 'Page 2', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Features' })).toHaveAttribute('href', '/features/');
  const second = await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents();
  const total = Number(/of (\d+)\.$/.exec((await page.getByText(/^Page 2 of \d+: articles/).textContent()) ?? '')?.[1]);
  expect(new Set([...first, ...second]).size, 'no article twice').toBe(first.length + second.length);
  if (total <= 48) expect(first.length + second.length, 'every feature article on one of the pages').toBe(total);

  await pages.getByRole('link', { name: 'Previous page' }).click();
  await expect(page).toHaveURL(/\/features\/$/);
});

test('a term links to the page of the glossary that defines it, and old glossary links still lead there', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/guides/boot-xen/');
  await page.getByRole('main').getByRole('link', { name: 'xm', exact: true }).first().click();
  await expect(page).toHaveURL(xmTermUrl);
  await expect(page.locator('#xm')).toBeInViewport();
  await expect(page.getByRole('navigation', { name: 'Glossary letters' }).getByRole('link', { name: 'A', exact: true })).toHaveAttribute('href', '/reference/glossary/#letter-a');

  // A link from before the glossary was split: the first page keeps the anchor, on a link to the term.
  await page.goto('/reference/glossary/#xm');
  const moved = page.locator('#xm');
  await expect(moved).toBeInViewport();
  await moved.click();
  await expect(page).toHaveURL(xmTermUrl);
  await expect(page.getByRole('term').filter({ hasText: /^xm/ })).toBeVisible();
});

for (const { what, page: reference, anchor, name } of [
  { what: 'an option the boot-options page', page: 'boot-options', anchor: 'opt-softtsc', name: 'softtsc' },
  { what: 'a key the domain-configuration page', page: 'domain-configuration', anchor: 'cfg-src-machine-address-size', name: 'machine_address_size' },
  { what: 'a command the xm page', page: 'xm-commands', anchor: 'xm-domid', name: 'domid' },
]) {
  test(`${what} does not explain keeps its old link, which leads to its row`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/reference/${reference}/#${anchor}`);
    const link = page.locator(`#${anchor}`);
    await expect(link).toBeInViewport();
    await expect(link).toHaveText(name);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/reference/${reference}/from-source/#${anchor}$`));
    await expect(page.getByRole('row', { name: new RegExp(name) })).toBeInViewport();
  });
}

for (const { what, page: reference, anchor, name, row, rowPage } of [
  { what: 'an option', page: 'boot-options', anchor: 'opt-conring-size', name: 'conring_size', row: 'opt-conring-size', rowPage: 'boot-options' },
  { what: 'a key', page: 'domain-configuration', anchor: 'cfg-src-xen-platform-pci', name: 'xen_platform_pci', row: 'cfg-hvm-xen-platform-pci', rowPage: 'hvm-guest-configuration' },
]) {
  test(`a link to ${what} listed from the source still leads to it once the reference explains it`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/reference/${reference}/from-source/#${anchor}`);
    const link = page.locator(`#${anchor}`);
    await expect(link).toBeInViewport();
    await expect(link).toHaveText(name);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/reference/${rowPage}/#${row}$`));
    await expect(page.locator(`#${row}`)).toBeInViewport();
  });
}

for (const { what, from, to, anchor, name } of [
  { what: 'an HVM key keeps its old link on the domain configuration page, which leads to its row on the HVM page', from: 'domain-configuration', to: 'hvm-guest-configuration', anchor: 'cfg-hvm-vpt-align', name: 'vpt_align' },
  { what: 'a PV key keeps its old link on the domain configuration page, which leads to its row on the PV page', from: 'domain-configuration', to: 'pv-guest-configuration', anchor: 'cfg-pv-bootloader', name: 'bootloader' },
  { what: 'a power option keeps its old link on the boot options page, which leads to its row on the power options page', from: 'boot-options', to: 'power-management-boot-options', anchor: 'opt-max-cstate', name: 'max_cstate' },
]) {
  test(what, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/reference/${from}/#${anchor}`);
    const link = page.locator(`#${anchor}`);
    await expect(link).toBeInViewport();
    await expect(link).toHaveText(name);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/reference/${to}/#${anchor}$`));
    await expect(page.locator(`tr#${anchor}`)).toBeInViewport();
  });
}

test('a quoted message keeps the double space the program prints, for a reader to copy or search a log with', async ({ page }) => {
  await page.goto('/guides/build-and-boot-flask/');
  const message = page.locator('main p code').filter({ hasText: /^Flask:\s+Starting in permissive mode\.$/ }).first();
  expect(await message.innerText()).toBe('Flask:  Starting in permissive mode.');
});

test('the xend-config.sxp reference gives each setting the code’s default beside what the shipped file does', async ({ page }) => {
  await page.goto('/reference/xend-configuration/#xend-xend-relocation-server');
  const relocation = page.locator('#xend-xend-relocation-server');
  await expect(relocation).toBeInViewport();
  await expect(relocation.locator('[data-label="When not set"]')).toHaveText('no, but the shipped file turns it on');
  await expect(relocation.locator('[data-label="Shipped file"]')).toHaveText('Sets (xend-relocation-server yes)');
  // A setting the code reads that the shipped file never mentions, and one only shown in a comment.
  await expect(page.locator('#xend-xend-state-path [data-label="Shipped file"]')).toHaveText('Not in the file');
  await expect(page.locator('#xend-vnc-tls [data-label="Shipped file"]')).toHaveText('Only in comments: (vnc-tls 1)');
  await expect(page.locator('#xend-vnc-tls').getByRole('link', { name: /XendOptions\.py/ })).toHaveAttribute('href', /XendOptions\.py#L358-L359$/);
});

test('on a phone, code in a table breaks after a slash or between words, never inside a word', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  for (const path of ['/guides/look-inside-xenstore/', '/features/amd-iommu/']) {
    await page.goto(path);
    // Each word of the code (a run between spaces, hyphens and the break points after / _ = , :)
    // must lie on one line: a Range over it has one box per line it covers.
    const broken = await page.locator('main .prose table code').evaluateAll((codes) =>
      codes.flatMap((code) => {
        const words: string[] = [];
        const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of node.textContent!.matchAll(/[^\s-]+-?/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            if (range.getClientRects().length > 1) words.push(match[0]);
          }
        }
        return words;
      }),
    );
    expect(broken, `${path}: words of table code split over lines`).toEqual([]);
  }
  await page.goto('/guides/look-inside-xenstore/');
  const backendPath = page.locator('main .prose table code').filter({ hasText: /^\/local\/domain\/0\/backend\// });
  expect(await backendPath.evaluate((code) => code.getClientRects().length), 'a long path breaks after its slashes').toBeGreaterThan(1);
  // A short option keeps its hyphen: "-" at the end of one line and "s" on the next would misquote it.
  await page.goto('/guides/migrate-a-guest/');
  const option = page.locator('main .prose table code').filter({ hasText: /^-s$/ }).first();
  expect(await option.evaluate((code) => code.getClientRects().length), 'the option -s stays on one line').toBe(1);
});

test('the comparison matrix narrows by hypervisor type and by criterion without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/comparisons/client-hypervisors-2009/');
  const matrix = page.getByRole('region', { name: /Comparison matrix/ });
  const workstation = matrix.getByRole('rowheader', { name: /VMware Workstation/ });
  const licence = matrix.getByRole('columnheader', { name: 'Licence' });
  await expect(workstation).toBeVisible();
  await expect(licence).toBeVisible();
  // The controls are laid out by the matrix's own stylesheet: side by side, not stacked as unstyled.
  await expect(page.getByRole('form', { name: 'Narrow the comparison' })).toHaveCSS('display', 'flex');

  await page.getByRole('checkbox', { name: 'Type 2' }).uncheck();
  await expect(workstation).toBeHidden();
  await expect(matrix.getByRole('rowheader', { name: /Xen 3\.4 with XCI/ })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Licence' }).uncheck();
  await expect(licence).toBeHidden();
  await expect(matrix.getByRole('columnheader', { name: 'Host platform' })).toBeVisible();
  await context.close();
});

test('on a wide screen the table of contents stays beside the text and jumps to a section', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/features/machine-check-handling/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc).toHaveCount(1);
  await expect(toc).toBeInViewport();
  const links = toc.getByRole('link');
  const last = links.last();
  const target = (await last.getAttribute('href'))!;
  await last.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(target)).toBeInViewport();
  // Far down the article, the list is still there, beside the text.
  await expect(toc).toBeInViewport();
  const [tocBox, textBox] = await Promise.all([toc.boundingBox(), page.locator('article .prose').first().boundingBox()]);
  expect(tocBox!.x, 'the list is right of the text').toBeGreaterThanOrEqual(textBox!.x + textBox!.width);
});

/** Pages with wide tables: two articles (with a table of contents beside the text from 64rem) and a page listed from the source. */
const WIDE_TABLES = [
  { path: '/reference/domain-configuration/', toc: true },
  { path: '/comparisons/client-hypervisors-2009/', toc: true },
  { path: '/reference/boot-options/from-source/', toc: false },
];

for (const width of [390, 1024, 1280]) {
  test(`at ${width} px nothing scrolls sideways, and wide tables stay in the article column, clear of the contents`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    // The header's links and tools, a heading with a long name, an audit note with long paths.
    for (const path of ['/', '/features/client-power-features/', '/reference/source-audit/guides-troubleshooting/']) {
      await page.goto(path);
      expect(await sideways(), `${path}: the page fits the window`).toBeLessThanOrEqual(0);
    }
    for (const { path, toc } of WIDE_TABLES) {
      await page.goto(path);
      expect(await sideways(), `${path}: the page does not scroll sideways`).toBeLessThanOrEqual(0);
      const table = page.locator('.ref-table, .matrix').first();
      await expect(table).toBeVisible();
      const tableBox = (await table.boundingBox())!;
      expect(tableBox.x + tableBox.width, `${path}: the table ends inside the window`).toBeLessThanOrEqual(width);
      if (toc && width >= 1024) {
        const tocBox = (await page.getByRole('navigation', { name: 'On this page' }).boundingBox())!;
        expect(tocBox.x, `${path}: the contents list is right of the table`).toBeGreaterThanOrEqual(tableBox.x + tableBox.width);
      }
    }
  });
}

test('on a phone the table of contents is closed under the header and opens on request', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/features/machine-check-handling/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc).toBeHidden();
  await page.getByText('On this page', { exact: true }).first().click();
  await expect(toc).toBeVisible();
  const first = toc.getByRole('link').first();
  const target = (await first.getAttribute('href'))!;
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(target)).toBeInViewport();
});

test('desktop navigation leads to each section', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Sections', exact: true });
  await nav.getByRole('link', { name: 'Guides' }).click();
  await expect(page).toHaveURL(/\/guides\/$/);
  await expect(nav.getByRole('link', { name: 'Guides' })).toHaveAttribute('aria-current', 'true');
  await page.getByRole('link', { name: /Check your hardware/i }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/hardware/i);
});

test('on a phone the menu opens and navigates', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Sections', exact: true })).toBeHidden();
  await page.getByText('Menu').click();
  await page.getByRole('navigation', { name: 'Sections (menu)' }).getByRole('link', { name: 'Comparisons' }).click();
  await expect(page).toHaveURL(/\/comparisons\/$/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'nothing scrolls sideways at 360 px').toBeLessThanOrEqual(0);
});

test('the theme choice applies at once and persists across pages', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await page.getByLabel('Theme').first().selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(13, 17, 23)');
  await page.goto('/guides/boot-xen/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByLabel('Theme').first()).toHaveValue('dark');
  await page.getByLabel('Theme').first().selectOption('system');
  await page.reload();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
});

test('the header search finds the right article', async ({ page, searchDialog }) => {
  await page.goto('/');
  await searchDialog.search('machine check', { via: 'button', paste: true });
  expect(await searchDialog.titles()).toContain('Machine check handling in Xen 3.4: MCA, CMCI and virtual MCE');
  const href = await searchDialog.choose('Machine check handling in Xen 3.4');
  expect(href).toBe('/features/machine-check-handling/?pagefind-highlight=machine&pagefind-highlight=check');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Machine check handling in Xen 3.4: MCA, CMCI and virtual MCE');
});

test.describe('a missing page', () => {
  test.use({ expectedConsole: [/status of 404/] });
  test('an unknown address shows the 404 page with search', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page does not exist');
  await page.getByRole('main').getByRole('searchbox').fill('xenpm');
  await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=xenpm/);
  await expect(page.getByRole('main').getByRole('link', { name: /xenpm/i }).first()).toBeVisible();
  });

  test('a glossary page or a list page that has moved sends the reader on, not to a dead end', async ({ page }) => {
    // A glossary page that does not exist (ranges are named like t-z): the first page keeps
    // every term's anchor.
    await page.goto('/reference/glossary/no-such-range/#xm');
    await expect(page).toHaveURL(/\/reference\/glossary\/#xm$/);
    await expect(page.locator('#xm')).toBeInViewport();
    await page.locator('#xm').click();
    await expect(page).toHaveURL(xmTermUrl);

    await page.goto('/guides/page/99/');
    await expect(page).toHaveURL(/\/guides\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Guides');
  });
});

test('the feed and sitemap list the articles', async ({ request }) => {
  const feed = await (await request.get('/rss.xml')).text();
  expect(feed).toContain('<title>Xen 3.4 Knowledge Base</title>');
  expect(feed).toMatch(/<link>https:\/\/[^<]+\/guides\/boot-xen\/<\/link>/);
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  expect(sitemap).toContain('/features/whats-new-in-xen-3-4/');
  // Every page of a long list, so crawlers meet no dead end; never the 404 or offline pages.
  expect(sitemap).toContain('/features/page/2/');
  expect(sitemap).toContain(lastGlossaryPage.href);
  expect(sitemap).not.toContain('/404');
  expect(sitemap).not.toContain('/offline/');
});
