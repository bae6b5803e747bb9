import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

/**
 * Code blocks are highlighted: a reader sees keywords, options and strings in different colours,
 * in the light theme and in the dark one. The colours are read from the rendered tokens, so the
 * test fails whatever breaks them (a stylesheet, the policy, a build step rewriting markup).
 */

/** Blocks to look at: a language, and a page that has such a block. */
const BLOCKS = [
  { language: 'sh', page: '/guides/first-pv-guest/' },
  { language: 'python', page: '/guides/first-pv-guest/' },
  { language: 'yaml', page: '/reference/source-audit/' },
];

/** The distinct text colours of the tokens in the first code block of a language. */
async function tokenColours(page: Page, language: string): Promise<string[]> {
  const block = page.locator(`.expressive-code pre[data-language="${language}"]`).first();
  await expect(block, `a ${language} block is on the page`).toBeVisible();
  return block.evaluate((pre) => {
    const colours = new Set<string>();
    for (const token of pre.querySelectorAll('.ec-line .code span')) {
      if (token.textContent?.trim()) colours.add(getComputedStyle(token).color);
    }
    return [...colours];
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`in the ${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    for (const { language, page: path } of BLOCKS) {
      test(`a ${language} block shows its tokens in several colours`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('html')).not.toHaveAttribute('data-theme', scheme === 'light' ? 'dark' : 'light');
        const colours = await tokenColours(page, language);
        expect(colours.length, `distinct token colours in the ${language} block: ${colours.join(', ')}`).toBeGreaterThanOrEqual(3);
        // The block's text colour is not among the highlights only: keywords stand apart from it.
        const text = await page.locator(`.expressive-code pre[data-language="${language}"]`).first().evaluate((pre) => getComputedStyle(pre).color);
        expect(colours.filter((colour) => colour !== text).length).toBeGreaterThanOrEqual(2);
      });
    }

    test('the colours follow the theme', async ({ page }) => {
      await page.goto('/guides/first-pv-guest/');
      const own = await tokenColours(page, 'sh');
      await page.getByRole('combobox', { name: 'Theme' }).selectOption(scheme === 'light' ? 'dark' : 'light');
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme === 'light' ? 'dark' : 'light');
      const other = await tokenColours(page, 'sh');
      expect(other.sort()).not.toEqual(own.sort());
    });
  });
}

/** The text of the fenced blocks of an article, in order, as its author wrote them. */
function fencedBlocks(file: string): string[] {
  const source = readFileSync(new URL(`../../content/articles/${file}`, import.meta.url), 'utf8');
  return [...source.matchAll(/^([ \t]*)```[^\n]*\n([\s\S]*?)^\1```/gm)].map(([, indent, body]) =>
    body!.replace(/\n$/, '').split('\n').map((line) => line.slice(indent!.length)).join('\n'),
  );
}

test('a copy button puts the code block on the clipboard, exactly as written, and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/guides/boot-xen/');
  const [command, menuEntry] = fencedBlocks('guides/boot-xen.mdx');
  const blocks = page.locator('.expressive-code');
  for (const [index, expected] of [[0, command], [1, menuEntry]] as const) {
    const block = blocks.nth(index);
    await block.hover();
    const button = block.getByRole('button', { name: 'Copy to clipboard' });
    await button.click();
    await expect(block.getByText('Copied!')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  }
  // The page does not carry a second copy of each block for the button.
  expect(await page.locator('[data-code]').count()).toBe(0);
});
