/**
 * Splitting a long list over numbered pages, so that no page grows with the number of articles:
 * /guides/ shows the first PAGE_SIZE cards, /guides/page/2/ the next, and so on. Every page links
 * to its neighbours (rel="prev" / rel="next") and to a bounded set of page numbers, so readers
 * and crawlers reach every page from every other one. Plain data in, plain data out: the section
 * and topic pages (page-data.ts) and the glossary use it, tests/unit/pagination.test.ts covers it.
 */

/** Cards per page of a section or topic: a multiple of 2 and 3, so the grid's rows are full. */
export const PAGE_SIZE = 24;

/** A link to one page of a list. */
export interface PageLink {
  /** 1 for the first page. */
  number: number;
  href: string;
}

/** One entry of the row of page numbers: a page, or a gap standing for the pages left out. */
export type PageNumber = (PageLink & { current: boolean }) | { gap: true };

/** Where a page sits in its list, as the pagination links show it. */
export interface Pagination {
  /** This page's number, from 1. */
  current: number;
  /** How many pages the list has, at least 1. */
  total: number;
  prev?: PageLink | undefined;
  next?: PageLink | undefined;
  /** The first, the last and the pages around the current one, with gaps between. */
  numbers: PageNumber[];
}

/** One page of a list: its items, where it sits, and the position of its first item in the whole list. */
export interface ListPage<T> {
  items: T[];
  pagination: Pagination;
  /** 0-based index of the first item in the whole list (guides number their steps from it). */
  offset: number;
  href: string;
}

/** URL of page `n` of a list whose first page is `base` (`/guides/`, 2 → `/guides/page/2/`). */
export function pageHref(base: string, n: number): string {
  return n <= 1 ? base : `${base}page/${n}/`;
}

/**
 * The page numbers to show: the first, the last, and `around` pages either side of the current
 * one; a gap stands for a run of two or more pages left out (a single one is shown instead). At
 * most 2 × around + 5 entries, whatever the number of pages.
 */
export function pageNumbers(current: number, total: number, href: (n: number) => string, around = 1): PageNumber[] {
  const shown = new Set([1, total]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= total) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const numbers: PageNumber[] = [];
  let last = 0;
  for (const n of sorted) {
    if (n - last === 2) numbers.push({ number: n - 1, href: href(n - 1), current: false });
    else if (n - last > 2) numbers.push({ gap: true });
    numbers.push({ number: n, href: href(n), current: n === current });
    last = n;
  }
  return numbers;
}

/** Where page `current` of `total` sits: its neighbours and the row of page numbers. */
export function pagination(current: number, total: number, href: (n: number) => string): Pagination {
  return {
    current,
    total,
    prev: current > 1 ? { number: current - 1, href: href(current - 1) } : undefined,
    next: current < total ? { number: current + 1, href: href(current + 1) } : undefined,
    numbers: pageNumbers(current, total, href),
  };
}

/**
 * Splits a list into pages of at most `perPage` items, the first at `base` and the others at
 * `base`page/N/. An empty list still has one (empty) page, so the section always exists.
 */
export function paginate<T>(items: readonly T[], base: string, perPage = PAGE_SIZE): ListPage<T>[] {
  if (!(Number.isInteger(perPage) && perPage > 0)) throw new Error(`paginate: perPage must be a positive whole number, not ${perPage}`);
  const total = Math.max(1, Math.ceil(items.length / perPage));
  const href = (n: number) => pageHref(base, n);
  return Array.from({ length: total }, (_, index) => ({
    items: items.slice(index * perPage, (index + 1) * perPage),
    pagination: pagination(index + 1, total, href),
    offset: index * perPage,
    href: href(index + 1),
  }));
}
