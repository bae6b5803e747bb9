import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, pageHref, pageNumbers, paginate, pagination, type PageNumber } from '../../src/lib/pagination.ts';
import { LEDGER_PAGE_SIZE, LEDGER_URL, ledgerCaption, ledgerPageCaption, ledgerPages } from '../../src/lib/source-listing.ts';
import type { LedgerEntry } from '../../src/schemas/ledger.ts';

/** The row of page numbers as a reader sees it: "1 2 [3] 4 … 9". */
const row = (numbers: PageNumber[]) => numbers.map((n) => ('gap' in n ? '…' : n.current ? `[${n.number}]` : String(n.number))).join(' ');
const href = (n: number) => pageHref('/guides/', n);

describe('pagination', () => {
  it('puts the first page at the list URL and the others under page/N/', () => {
    expect(pageHref('/guides/', 1)).toBe('/guides/');
    expect(pageHref('/guides/', 2)).toBe('/guides/page/2/');
    expect(pageHref('/topics/power/', 12)).toBe('/topics/power/page/12/');
  });

  it('splits a list into full pages and a last one, every item on exactly one page', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const pages = paginate(items, '/guides/', 24);
    expect(pages.map((page) => page.items.length)).toEqual([24, 24, 2]);
    expect(pages.map((page) => page.offset)).toEqual([0, 24, 48]);
    expect(pages.map((page) => page.href)).toEqual(['/guides/', '/guides/page/2/', '/guides/page/3/']);
    expect(pages.flatMap((page) => page.items)).toEqual(items);
    expect(paginate(items, '/guides/', 50)).toHaveLength(1);
    expect(paginate(items, '/guides/', 49)).toHaveLength(2);
  });

  it('gives an empty list one empty page, and refuses a page size that is not a positive whole number', () => {
    expect(paginate([], '/guides/')).toEqual([
      { items: [], offset: 0, href: '/guides/', pagination: { current: 1, total: 1, prev: undefined, next: undefined, numbers: [{ number: 1, href: '/guides/', current: true }] } },
    ]);
    expect(() => paginate([1], '/guides/', 0)).toThrow(/positive whole number/);
    expect(() => paginate([1], '/guides/', 2.5)).toThrow(/positive whole number/);
  });

  it('links each page to its neighbours, and the ends to nothing beyond', () => {
    expect(pagination(1, 3, href)).toMatchObject({ prev: undefined, next: { number: 2, href: '/guides/page/2/' } });
    expect(pagination(2, 3, href)).toMatchObject({ prev: { number: 1, href: '/guides/' }, next: { number: 3, href: '/guides/page/3/' } });
    expect(pagination(3, 3, href)).toMatchObject({ prev: { number: 2 }, next: undefined });
  });

  it('shows the first, the last and the neighbours of the current page, with gaps for the rest', () => {
    expect(row(pageNumbers(1, 1, href))).toBe('[1]');
    expect(row(pageNumbers(1, 5, href))).toBe('[1] 2 … 5');
    expect(row(pageNumbers(3, 5, href))).toBe('1 2 [3] 4 5');
    expect(row(pageNumbers(5, 9, href))).toBe('1 … 4 [5] 6 … 9');
    expect(row(pageNumbers(9, 9, href))).toBe('1 … 8 [9]');
    // A gap never hides a single page: 1 … 3 would make the reader guess at 2.
    expect(row(pageNumbers(4, 9, href))).toBe('1 2 3 [4] 5 … 9');
  });

  it('keeps the row of numbers bounded however long the list, and every page reachable', () => {
    for (const total of [1, 2, 7, 40, 123]) {
      for (let current = 1; current <= total; current++) {
        const numbers = pageNumbers(current, total, href);
        expect(numbers.length).toBeLessThanOrEqual(7);
        const shown = numbers.flatMap((n) => ('gap' in n ? [] : [n.number]));
        expect(shown).toContain(1);
        expect(shown).toContain(total);
        expect(shown).toContain(current);
        expect(shown).toEqual([...shown].sort((a, b) => a - b));
      }
    }
    expect(PAGE_SIZE % 6).toBe(0);
  });
});

describe('the source audit ledger over pages', () => {
  const row = (file: string): LedgerEntry => ({ file, checked: 3, corrected: 1, corrections: [], confirmed: [], unverifiable: [] });
  const ledger = Array.from({ length: 250 }, (_, i) => row(`articles/features/synthetic-${String(i).padStart(3, '0')}.mdx`)).reverse();

  it('lists the rows by file, the first page on the audit page and the rest under it, each row once', () => {
    const pages = ledgerPages(ledger);
    expect(pages.map((page) => page.href)).toEqual([LEDGER_URL, `${LEDGER_URL}page/2/`, `${LEDGER_URL}page/3/`]);
    expect(pages.map((page) => page.items.length)).toEqual([LEDGER_PAGE_SIZE, LEDGER_PAGE_SIZE, 50]);
    const files = pages.flatMap((page) => page.items.map((item) => item.file));
    expect(files).toEqual([...ledger.map((r) => r.file)].sort());
  });

  it('tells the reader which rows a page shows, and only the totals when one page holds them all', () => {
    const pages = ledgerPages(ledger);
    expect(ledgerPageCaption(ledger, pages[1]!)).toBe(`${ledgerCaption(ledger)}. Rows 101–200 of 250.`);
    expect(ledgerPageCaption(ledger, pages[2]!)).toBe(`${ledgerCaption(ledger)}. Rows 201–250 of 250.`);
    expect(ledgerCaption(ledger)).toBe('250 files: 750 claims checked, 250 corrected, 0 left to sources outside the tree');
    const short = ledger.slice(0, 67);
    expect(ledgerPageCaption(short, ledgerPages(short)[0]!)).toBe(ledgerCaption(short));
  });
});
