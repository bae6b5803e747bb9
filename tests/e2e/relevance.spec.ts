import { test, expect } from './fixtures.ts';
import { RELEVANCE_CASES } from './relevance-queries.ts';

// Each query goes through the search dialog as a reader's would, on one page, and the test
// reads the first three results it shows: the site's own Pagefind options, query clean-up and
// rendering all count. Pasting rather than typing keeps every query on every run to well under
// a minute.
test('realistic reader queries find the right article in the top three', async ({ page, searchDialog }) => {
  // Sixty queries, each through the dialog: allow for a slow, busy machine.
  test.setTimeout(240_000);
  expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(60);
  await page.goto('/');
  const misses: string[] = [];
  for (const c of RELEVANCE_CASES) {
    await searchDialog.search(c.query, { paste: true });
    const top = (await searchDialog.hrefs()).slice(0, 3).map((href) => new URL(href, page.url()).pathname.replace(/^\/|\/$/g, ''));
    if (!top.some((id) => c.expect.includes(id))) {
      misses.push(`“${c.query}” should find ${c.expect.join(' or ')} (${c.why}); the top three were ${top.join(', ') || 'empty'}`);
    }
  }
  expect(misses, 'queries whose article is not in the top three').toEqual([]);
});
