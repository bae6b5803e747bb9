/**
 * The page budget: every built page is at most PAGE_BUDGET_BYTES of gzipped HTML, whatever the
 * number of articles, and long lists are split over pages that link to each other. Read from the
 * built HTML with parse5 (built-html.ts); scripts/check-pages.ts runs it on dist/ and
 * tests/unit/page-budget.test.ts covers it.
 */
import { gzipSync } from 'node:zlib';
import { attribute, elementsOf, findElement, parseHtml, textOf, type Element } from './built-html.ts';

/** 20 KB of HTML, gzipped at level 9, per page. */
export const PAGE_BUDGET_BYTES = 20 * 1024;

/**
 * An article's first visit: its HTML, stylesheets and the JavaScript it loads before any
 * interaction, each gzipped (level 6, as hosts serve them), at most 30 KB together. Measured by
 * pageWeight() in page-weight.ts, for scripts/check-pages.ts and the benchmark.
 */
export const ARTICLE_BUDGET_BYTES = 30 * 1024;

/** The size of a page as a reader downloads it: gzip at its best level. */
export function gzipBytes(html: string | Buffer): number {
  return gzipSync(html, { level: 9 }).length;
}

/** What a page is, for the report: its size is set by its author (an article) or by the site (lists, indexes). */
export type PageRole = 'article' | 'list' | 'other';

/** What the budget check reads from one built page. */
export interface PageFacts {
  role: PageRole;
  /** Links of its pagination (the "Pages of …" navigation): previous, next and the numbered pages. */
  pagination?: { of: string; prev?: string | undefined; next?: string | undefined; pages: string[]; current?: string | undefined } | undefined;
  /** Same-site links to articles from the page's cards (section and topic pages). */
  cards: string[];
  /** <link rel="prev|next"> in the head. */
  headPrev?: string | undefined;
  headNext?: string | undefined;
}

const isPagination = (element: Element) => element.tagName === 'nav' && (attribute(element, 'aria-label') ?? '').startsWith('Pages of ');

/** Reads a built page: its role, its pagination links and the articles its cards link to. */
export function pageFacts(html: string): PageFacts {
  const document = parseHtml(html);
  const elements = [...elementsOf(document)];
  const article = elements.some((element) => element.tagName === 'article' && attribute(element, 'data-pagefind-body') !== undefined);
  const nav = elements.find(isPagination);
  const cards = elements
    .filter((element) => element.tagName === 'article' && attribute(element, 'data-pagefind-body') === undefined)
    .map((card) => findElement(card, (element) => element.tagName === 'a' && attribute(element, 'href') !== undefined))
    .flatMap((link) => (link ? [attribute(link, 'href')!] : []));
  const headLink = (rel: string) => {
    const link = elements.find((element) => element.tagName === 'link' && attribute(element, 'rel') === rel);
    return link && attribute(link, 'href');
  };
  let pagination: PageFacts['pagination'];
  if (nav) {
    const links = [...elementsOf(nav)].filter((element) => element.tagName === 'a');
    const byRel = (rel: string) => {
      const link = links.find((element) => attribute(element, 'rel') === rel);
      return link && attribute(link, 'href');
    };
    const numbered = links.filter((element) => !attribute(element, 'rel'));
    const current = numbered.find((element) => attribute(element, 'aria-current') === 'page');
    pagination = {
      of: attribute(nav, 'aria-label')!.replace(/^Pages of /, ''),
      prev: byRel('prev'),
      next: byRel('next'),
      pages: numbered.map((element) => attribute(element, 'href')!),
      current: current && attribute(current, 'href'),
    };
  }
  return { role: article ? 'article' : cards.length || nav ? 'list' : 'other', pagination, cards, headPrev: headLink('prev'), headNext: headLink('next') };
}

/** The page URLs a sitemap lists (its <loc> elements), read with the same parser. */
export function sitemapLocations(xml: string): string[] {
  const document = parseHtml(xml, { fragment: true });
  return [...elementsOf(document)].filter((element) => element.tagName === 'loc').map((element) => textOf(element).trim());
}

/** One problem the budget check found, in a sentence for the report. */
export interface BudgetProblem {
  page: string;
  message: string;
}

/**
 * Checks a set of built pages (URL path → HTML): every page within the budget, and an article's
 * first visit (`firstVisit`, when measured) within the article budget; every paginated
 * list's pages linked in a chain both ways from its first page, each page marked current in its
 * own row of numbers, with <link rel> matching the links; every page of a list in the sitemap
 * (when one is given).
 */
export function checkPages(pages: ReadonlyMap<string, { bytes: number; facts: PageFacts; firstVisit?: number }>, sitemap?: ReadonlySet<string>): BudgetProblem[] {
  const problems: BudgetProblem[] = [];
  const splitArticle = 'split the article, or move a long table to a reference page of its own';
  for (const [url, { bytes, facts, firstVisit }] of pages) {
    if (bytes > PAGE_BUDGET_BYTES) {
      const why = facts.role === 'article' ? `its own text and tables make it so long: ${splitArticle}` : 'a list or table on it is too long: split it over pages (src/lib/pagination.ts) or summarise it';
      problems.push({ page: url, message: `${kb(bytes)} of gzipped HTML, over the ${kb(PAGE_BUDGET_BYTES)} page budget; ${why}` });
    } else if (facts.role === 'article' && firstVisit !== undefined && firstVisit > ARTICLE_BUDGET_BYTES) {
      problems.push({
        page: url,
        message: `a first visit downloads ${kb(firstVisit)} gzipped (HTML, stylesheets and scripts), ${firstVisit - ARTICLE_BUDGET_BYTES} bytes over the ${kb(ARTICLE_BUDGET_BYTES)} article budget; ${splitArticle}`,
      });
    }
    const pagination = facts.pagination;
    if (!pagination) continue;
    if (pagination.current !== url) problems.push({ page: url, message: `its pagination marks ${pagination.current ?? 'no page'} as the current page (aria-current="page"), not ${url}` });
    for (const [rel, inNav, inHead] of [
      ['prev', pagination.prev, facts.headPrev],
      ['next', pagination.next, facts.headNext],
    ] as const) {
      if (inNav && !pages.has(inNav)) problems.push({ page: url, message: `its rel="${rel}" link leads to ${inNav}, which is not a built page` });
      const target = inNav ? pages.get(inNav)?.facts.pagination : undefined;
      const back = rel === 'prev' ? target?.next : target?.prev;
      if (target && back !== url) problems.push({ page: url, message: `${inNav} is its ${rel} page but does not link back to it (rel="${rel === 'prev' ? 'next' : 'prev'}")` });
      if (inHead !== undefined && inHead !== inNav) problems.push({ page: url, message: `<link rel="${rel}"> in its head says ${inHead}, its pagination ${inNav ?? 'nothing'}` });
    }
    for (const target of pagination.pages) if (!pages.has(target)) problems.push({ page: url, message: `its page link ${target} is not a built page` });
    if (sitemap && !sitemap.has(url)) problems.push({ page: url, message: 'a page of a list is missing from the sitemap, so crawlers would not find it' });
  }
  return problems;
}

/**
 * The pages of each paginated list, by following rel="next" from each first page (a page with
 * pagination and no rel="prev"). A list whose chain breaks shows up as a problem in checkPages.
 */
export function paginatedLists(pages: ReadonlyMap<string, { facts: PageFacts }>): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const [url, { facts }] of pages) {
    if (!facts.pagination || facts.pagination.prev) continue;
    const chain = [url];
    for (let next = facts.pagination.next; next && !chain.includes(next); next = pages.get(next)?.facts.pagination?.next) chain.push(next);
    lists.set(url, chain);
  }
  return lists;
}

/** Bytes as kilobytes with one decimal: "19.4 KB". */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
