import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { test, expect } from './fixtures.ts';
import { sitemapPaths } from './sitemap.ts';
import { SECTIONS } from '../../src/schemas/kinds.ts';
import { CHEAT_SHEETS_URL } from '../../src/lib/cheat-sheets.ts';
import { MDX_COMPONENT_SPECS } from '../../src/components/mdx/props.ts';
import { SITE } from '../../src/site.config.ts';

/** The byte-order mark the text files start with (src/lib/text-file.ts says why). */
const BOM = '\uFEFF';
/** A tag of any component authors may use: `<Steps>`, `<Term id="hvm">`, `</Callout>`. */
const COMPONENT_TAG = new RegExp(`</?(${Object.keys(MDX_COMPONENT_SPECS).join('|')})[\\s/>]`);

/** Every article page in the sitemap: one level below a section, and not the cheat sheets. */
const articlePaths = sitemapPaths().filter(
  (path) => new RegExp(`^/(${SECTIONS.join('|')})/[^/]+/$`).test(path) && path !== CHEAT_SHEETS_URL,
);

test.describe('the Markdown version of an article', () => {
  test('is served as UTF-8 text with the guide’s title, description, steps and sources, and no component tags', async ({ page, request }) => {
    const response = await request.get('/guides/boot-xen.md');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/markdown/);
    const raw = await response.text();
    expect(raw.startsWith(`${BOM}# Boot Xen 3.4 with GRUB legacy\n\n> `)).toBe(true);
    const markdown = raw.slice(1);

    // What the page says, the Markdown says: the first step, every source, the callout's label.
    await page.goto('/guides/boot-xen/');
    const firstStep = (await page.locator('.steps > ol > li').first().locator('p').first().innerText()).trim();
    expect(markdown).toContain(`\n1. ${firstStep}\n`);
    expect(markdown).toMatch(/\n2\. .+\n/);
    const sources = page.getByRole('region', { name: 'Sources' }).getByRole('link');
    expect(await sources.count()).toBeGreaterThan(0);
    // The links are absolute in the Markdown (tools read it away from the site), the audit's too.
    for (const source of await sources.all()) {
      expect(markdown).toContain(`](${new URL((await source.getAttribute('href'))!, SITE.url).href})`);
    }
    expect(markdown).toMatch(/\nChecked against the Xen 3\.4 source: \d+ claims, \d+ corrected, .*\[How this page was checked\]\(https:\/\/[^)]+\/reference\/source-audit\/guides-boot-xen\/\)\n/);
    expect(markdown).toMatch(/\n## Sources\n\n1\. \[/);
    expect(markdown, 'a callout inside a step is a quote indented under it').toMatch(/\n {3}> \*\*Warning: .+\*\*\n/);
    expect(markdown, 'a later-version callout keeps its label').toContain('> **Later versions — not in Xen 3.4');
    expect(markdown).not.toMatch(COMPONENT_TAG);
  });

  test('writes a data table as a Markdown table, row by row from the data file', async ({ request }) => {
    const markdown = (await (await request.get('/reference/xenpm.md')).text()).slice(1);
    const rows = parse(readFileSync('content/xenpm.yaml', 'utf8')) as { command: string; arguments: string; example: string; sources: { url: string }[] }[];
    expect(markdown).toContain('| Subcommand | Arguments | What it prints or sets | Example | Source |\n| --- | --- | --- | --- | --- |');
    // A pipe inside a cell is escaped, so it does not end the cell.
    const cell = (code: string) => `\`${code.replace(/\|/g, '\\|')}\``;
    for (const row of rows) {
      expect(markdown).toContain(`| ${cell(row.command)} | ${row.arguments ? cell(row.arguments) : '—'} |`);
      expect(markdown).toContain(`| ${cell(row.example)} | [`);
      expect(markdown).toContain(`](${row.sources.at(-1)!.url}) |`);
    }
    expect(markdown).not.toMatch(COMPONENT_TAG);
  });

  test('describes a diagram in words', async ({ request }) => {
    const markdown = (await (await request.get('/features/xen-architecture.md')).text()).slice(1);
    expect(markdown).toContain('**Diagram: How a Xen 3.4 system is put together.** Layers from the bottom up.');
  });
});

test.describe('without JavaScript', () => {
  // Showing a text file, Chromium asks for /favicon.ico, which the site does not have (its icon
  // is favicon.svg, linked from every page).
  test.use({ javaScriptEnabled: false, expectedConsole: [/status of 404/] });

  test('“View as Markdown” opens the article’s Markdown, readable', async ({ page }) => {
    await page.goto('/guides/boot-xen/');
    await page.getByRole('link', { name: 'View as Markdown' }).click();
    await expect(page).toHaveURL(/\/guides\/boot-xen\.md$/);
    const text = page.locator('body');
    await expect(text).toContainText('# Boot Xen 3.4 with GRUB legacy');
    // Read as UTF-8, not as Windows-1252 ("â€”").
    await expect(text).toContainText('Later versions — not in Xen 3.4');
  });
});

test.describe('llms.txt', () => {
  test('names the site and links every article’s Markdown version, each of which exists', async ({ request }) => {
    const response = await request.get('/llms.txt');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/plain/);
    const text = (await response.text()).slice(1);
    expect(text).toMatch(/^# Xen 3\.4 Knowledge Base\n\n> .+\n/);

    const links = [...text.matchAll(/^- \[(.+)\]\((https?:\/\/[^)]+\.md)\): .+$/gm)].map(([, title, url]) => ({ title: title!, path: new URL(url!).pathname }));
    expect(links.map((l) => l.path).sort()).toEqual(articlePaths.map((path) => `${path.slice(0, -1)}.md`).sort());
    for (const { path } of links) {
      expect((await request.get(path)).status(), path).toBe(200);
    }

    const full = (await (await request.get('/llms-full.txt')).text()).slice(1);
    for (const { title } of links) expect(full).toContain(`# ${title}\n`);
  });

  test('is not linked from the pages, so no page grows with the number of articles', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('a[href*="llms"], link[href*="llms"]')).toHaveCount(0);
  });
});
