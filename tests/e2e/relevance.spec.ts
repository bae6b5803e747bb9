import { test, expect } from './fixtures.ts';
import { RELEVANCE_CASES } from './relevance-queries.ts';
import { PAGEFIND_OPTIONS } from '../../src/lib/search-query.ts';

// Each query runs through Pagefind in the browser, with the options the site itself uses, on
// one page: fast enough to try every query on every run. The home page does not start Pagefind
// itself, so these options are the first and only ones it gets.
test('realistic reader queries find the right article in the top three', async ({ page }) => {
  expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(25);
  await page.goto('/');
  const found = await page.evaluate(
    async ({ options, queries }) => {
      const url = '/pagefind/pagefind.js';
      const pagefind = await import(/* @vite-ignore */ url);
      await pagefind.options(options);
      await pagefind.init();
      const top: Record<string, string[]> = {};
      for (const query of queries) {
        const search = await pagefind.search(query);
        const data = await Promise.all(search.results.slice(0, 3).map((r: { data(): Promise<{ url: string }> }) => r.data()));
        top[query] = data.map((d) => d.url.replace(/^\/|\/$/g, ''));
      }
      return top;
    },
    { options: structuredClone(PAGEFIND_OPTIONS), queries: RELEVANCE_CASES.map((c) => c.query) },
  );
  const misses = RELEVANCE_CASES.filter((c) => !found[c.query]!.some((id) => c.expect.includes(id))).map(
    (c) => `“${c.query}” should find ${c.expect.join(' or ')} (${c.why}); the top three were ${found[c.query]!.join(', ') || 'empty'}`,
  );
  expect(misses, 'queries whose article is not in the top three').toEqual([]);
});
