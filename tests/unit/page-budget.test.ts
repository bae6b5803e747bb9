import { describe, expect, it } from 'vitest';
import { ARTICLE_BUDGET_BYTES, checkPages, gzipBytes, PAGE_BUDGET_BYTES, pageFacts, paginatedLists, sitemapLocations, type PageFacts } from '../../src/lib/page-budget.ts';

/** A built list page as SectionLayout writes it: cards, and pagination when there is more than one page. */
interface ListPageOptions {
  prev?: string;
  next?: string;
  pages?: string[];
  cards?: string[];
  /** Whether the head carries <link rel="prev|next">. */
  head?: boolean;
}
function listPage(url: string, { prev, next, pages = [], cards = [], head = true }: ListPageOptions = {}) {
  const nav = pages.length
    ? `<nav aria-label="Pages of Guides"><ul>
        <li>${prev ? `<a rel="prev" href="${prev}">← Previous</a>` : '<span aria-hidden="true">← Previous</span>'}</li>
        ${pages.map((p, i) => `<li><a href="${p}"${p === url ? ' aria-current="page"' : ''}><span class="sr-only">Page </span>${i + 1}</a></li>`).join('')}
        <li>${next ? `<a rel="next" href="${next}">Next →</a>` : '<span aria-hidden="true">Next →</span>'}</li>
      </ul></nav>`
    : '';
  const links = head ? `${prev ? `<link rel="prev" href="${prev}">` : ''}${next ? `<link rel="next" href="${next}">` : ''}` : '';
  return `<!doctype html><html><head><title>x</title>${links}</head><body><main>
    <ol>${cards.map((href) => `<li><article><h2><a href="${href}">A guide</a></h2><p>About it.</p></article></li>`).join('')}</ol>${nav}</main></body></html>`;
}

const facts = (entries: [string, string][]) => new Map(entries.map(([url, html]) => [url, { bytes: gzipBytes(html), facts: pageFacts(html) }]));
const guides = ['/guides/', '/guides/page/2/', '/guides/page/3/'];

describe('the page budget', () => {
  it('reads a list page: its cards, its pagination and its <link rel>', () => {
    const page = pageFacts(listPage('/guides/page/2/', { prev: '/guides/', next: '/guides/page/3/', pages: guides, cards: ['/guides/a/', '/guides/b/'] }));
    expect(page).toEqual<PageFacts>({
      role: 'list',
      cards: ['/guides/a/', '/guides/b/'],
      pagination: { of: 'Guides', prev: '/guides/', next: '/guides/page/3/', pages: guides, current: '/guides/page/2/' },
      headPrev: '/guides/',
      headNext: '/guides/page/3/',
    });
    const article = pageFacts('<html><body><article data-pagefind-body><h1>Boot Xen</h1><a href="/x/">x</a></article></body></html>');
    expect(article).toMatchObject({ role: 'article', cards: [], pagination: undefined });
  });

  it('passes a list split over pages that link to each other both ways and are all in the sitemap', () => {
    const pages = facts([
      ['/guides/', listPage('/guides/', { next: '/guides/page/2/', pages: guides })],
      ['/guides/page/2/', listPage('/guides/page/2/', { prev: '/guides/', next: '/guides/page/3/', pages: guides })],
      ['/guides/page/3/', listPage('/guides/page/3/', { prev: '/guides/page/2/', pages: guides })],
    ]);
    expect(checkPages(pages, new Set(guides))).toEqual([]);
    expect(paginatedLists(pages)).toEqual(new Map([['/guides/', guides]]));
  });

  it('reports a page over the budget, saying what to do for an article and for a list', () => {
    // Text that does not compress: random words.
    let seed = 7;
    const word = () => Array.from({ length: 6 }, () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26))).join('');
    const long = Array.from({ length: 9000 }, word).join(' ');
    const problems = checkPages(
      facts([
        ['/guides/long/', `<html><body><article data-pagefind-body><p>${long}</p></article></body></html>`],
        ['/guides/', listPage('/guides/', { cards: ['/guides/long/'] }).replace('</main>', `<p>${long}</p></main>`)],
        ['/guides/short/', `<html><body><article data-pagefind-body><p>Short.</p></article></body></html>`],
      ]),
    );
    expect(gzipBytes(long)).toBeGreaterThan(PAGE_BUDGET_BYTES);
    expect(problems.map((p) => p.page)).toEqual(['/guides/long/', '/guides/']);
    expect(problems[0]!.message).toMatch(/over the 20\.0 KB page budget; .*split the article/);
    expect(problems[1]!.message).toMatch(/split it over pages/);
  });

  it("reports an article whose first visit, with its stylesheets and scripts, is over the article budget", () => {
    const html = '<html><body><article data-pagefind-body><p>Within the page budget.</p></article></body></html>';
    const pages = new Map([
      ['/features/heavy/', { bytes: gzipBytes(html), facts: pageFacts(html), firstVisit: ARTICLE_BUDGET_BYTES + 100 }],
      ['/features/light/', { bytes: gzipBytes(html), facts: pageFacts(html), firstVisit: ARTICLE_BUDGET_BYTES }],
      // A list page is not an article: its first visit is not held to the article budget.
      ['/features/', { bytes: gzipBytes(listPage('/features/')), facts: pageFacts(listPage('/features/')), firstVisit: ARTICLE_BUDGET_BYTES + 1 }],
    ]);
    const problems = checkPages(pages);
    expect(problems.map((p) => p.page)).toEqual(['/features/heavy/']);
    expect(problems[0]!.message).toBe(
      'a first visit downloads 30.1 KB gzipped (HTML, stylesheets and scripts), 100 bytes over the 30.0 KB article budget; split the article, or move a long table to a reference page of its own',
    );
  });

  it('reports a dead end: a missing page, a link that does not come back, a wrong current page, a page left out of the sitemap', () => {
    const problems = checkPages(
      facts([
        ['/guides/', listPage('/guides/', { next: '/guides/page/2/', pages: guides })],
        // Page 2 forgets its way back, and marks page 1 as current.
        ['/guides/page/2/', listPage('/guides/', { next: '/guides/page/3/', pages: guides, head: false })],
      ]),
      new Set(['/guides/']),
    ).map((p) => `${p.page}  ${p.message}`);
    expect(problems).toEqual([
      '/guides/  /guides/page/2/ is its next page but does not link back to it (rel="prev")',
      '/guides/  its page link /guides/page/3/ is not a built page',
      '/guides/page/2/  its pagination marks /guides/ as the current page (aria-current="page"), not /guides/page/2/',
      '/guides/page/2/  its rel="next" link leads to /guides/page/3/, which is not a built page',
      '/guides/page/2/  its page link /guides/page/3/ is not a built page',
      '/guides/page/2/  a page of a list is missing from the sitemap, so crawlers would not find it',
    ]);
  });

  it('reads the page addresses of a sitemap', () => {
    const xml = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/</loc></url><url><loc>https://example.org/guides/page/2/</loc></url></urlset>';
    expect(sitemapLocations(xml)).toEqual(['https://example.org/', 'https://example.org/guides/page/2/']);
  });
});
