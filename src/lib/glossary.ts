/**
 * The glossary over several pages, split by letter range as a printed dictionary's volumes are:
 * /reference/glossary/ holds A–H (the glossary article, with its introduction and sources), then
 * /reference/glossary/i-s/, /reference/glossary/t-z/… Each page holds at most
 * GLOSSARY_PAGE_SIZE terms, so no page grows with the glossary. A letter is never split unless it
 * alone has more terms than a page holds.
 *
 * Everything that links to a term asks here which page it is on: <Term> (glossaryUrl in
 * paths.ts), the search's exact-name answers (search-data.ts) and the A–Z index. The first page
 * also lists the terms of the other pages, each under its old #anchor, so a link written before
 * the split (/reference/glossary/#hvm) still lands on a link to the term.
 */
import { pagination, type Pagination } from './pagination.ts';

/** The glossary article, which is also its first page. */
export const GLOSSARY_URL = '/reference/glossary/';

/** Terms per page: about 8 KB of gzipped HTML, well inside a page's 20 KB with the site's chrome. */
export const GLOSSARY_PAGE_SIZE = 30;

/** What the split needs of an entry of content/glossary.yaml. */
export interface GlossaryTerm {
  id: string;
  term: string;
}

/** One page of the glossary. */
export interface GlossaryPage<T extends GlossaryTerm = GlossaryTerm> {
  /** 1 for the first page. */
  number: number;
  /** "A–H": the letters the page covers, from A on the first page to Z on the last. */
  label: string;
  /** The page: /reference/glossary/ for the first, /reference/glossary/i-s/ for the others. */
  href: string;
  /** The path segment after /reference/glossary/ ("i-s"); empty for the first page. */
  slug: string;
  /** The letters (first characters) that have terms on this page, in order. */
  letters: string[];
  /** The page's terms, alphabetically. */
  entries: T[];
}

/** The letter a term is filed under: its first character in upper case ("2" for "2.6.18-xen"). */
export function glossaryLetter(term: string): string {
  return Array.from(term.trim())[0]?.toUpperCase() ?? '';
}

/** The #anchor of a letter's first term: `letter-a`, `letter-2`. */
export function letterAnchor(letter: string): string {
  return `letter-${letter.toLowerCase()}`;
}

const isLatin = (letter: string) => /^[A-Z]$/.test(letter);
const nextLatin = (letter: string) => (isLatin(letter) && letter !== 'Z' ? String.fromCharCode(letter.charCodeAt(0) + 1) : letter);

/** The glossary's terms in reading order: alphabetical, ignoring case and accents. */
export function sortTerms<T extends GlossaryTerm>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id));
}

/**
 * Splits the glossary into pages of at most `perPage` terms: whole letters, taken in order, as
 * many as fit. Labels cover the alphabet without holes (A–H, I–S, T–Z), so a reader knows where
 * a term that does not exist yet would be; terms that start with a digit or a sign come first.
 */
export function glossaryPages<T extends GlossaryTerm>(entries: readonly T[], perPage = GLOSSARY_PAGE_SIZE): GlossaryPage<T>[] {
  if (!(Number.isInteger(perPage) && perPage > 0)) throw new Error(`glossaryPages: perPage must be a positive whole number, not ${perPage}`);
  const byLetter = Map.groupBy(sortTerms(entries), (entry) => glossaryLetter(entry.term));
  const chunks: T[][] = [];
  let current: T[] = [];
  for (const terms of byLetter.values()) {
    if (current.length && current.length + terms.length > perPage) {
      chunks.push(current);
      current = [];
    }
    // A letter with more terms than a page holds fills pages of its own.
    for (let start = 0; start < terms.length; start += perPage) {
      if (start > 0) {
        chunks.push(current);
        current = [];
      }
      current.push(...terms.slice(start, start + perPage));
    }
  }
  if (current.length || !chunks.length) chunks.push(current);

  let from = 'A';
  const slugs = new Set<string>();
  return chunks.map((chunk, index) => {
    const last = index === chunks.length - 1;
    const letters = [...new Set(chunk.map((entry) => glossaryLetter(entry.term)))];
    const lastLetter = letters.findLast(isLatin) ?? from;
    const to = last ? 'Z' : lastLetter;
    const label = from === to ? from : `${from}–${to}`;
    let slug = index === 0 ? '' : label.replace('–', '-').toLowerCase();
    for (let n = 2; slugs.has(slug); n++) slug = `${label.replace('–', '-').toLowerCase()}-${n}`;
    slugs.add(slug);
    // The next page starts after this one's last letter, unless that letter goes on over there.
    const nextFirst = chunks[index + 1]?.[0];
    from = nextFirst && glossaryLetter(nextFirst.term) === lastLetter ? lastLetter : nextLatin(lastLetter);
    return { number: index + 1, label, href: `${GLOSSARY_URL}${slug ? `${slug}/` : ''}`, slug, letters, entries: chunk };
  });
}

/** The page a term is on, by its id; undefined for an id the glossary does not have. */
export function glossaryPageOf<T extends GlossaryTerm>(pages: readonly GlossaryPage<T>[], id: string): GlossaryPage<T> | undefined {
  return pages.find((page) => page.entries.some((entry) => entry.id === id));
}

/** A link in the A–Z index: to the letter's first term, on this page or another. */
export interface LetterLink {
  letter: string;
  href: string;
  /** Whether the letter's terms are on the page that shows the index. */
  here: boolean;
}

/** The A–Z index as page `current` (1-based) shows it: every letter with terms, linked across pages. */
export function letterLinks(pages: readonly GlossaryPage[], current: number): LetterLink[] {
  return pages.flatMap((page) =>
    page.letters
      // A letter split over pages is linked once, where it starts.
      .filter((letter) => !pages.some((other) => other.number < page.number && other.letters.includes(letter)))
      .map((letter) => {
        const here = page.number === current;
        return { letter, here, href: `${here ? '' : page.href}#${letterAnchor(letter)}` };
      }),
  );
}

/** Where page `current` sits among the glossary's pages, for the pagination links. */
export function glossaryPagination(pages: readonly GlossaryPage[], current: number): Pagination {
  return pagination(current, pages.length, (n) => pages[n - 1]!.href);
}

/** A term of another page, as the first page lists it under its old #anchor. */
export interface TermLink {
  id: string;
  term: string;
  href: string;
}

/** Everything one page of the glossary shows besides the definitions' text. */
export interface GlossaryPageData<T extends GlossaryTerm> {
  page: GlossaryPage<T>;
  /** "Xen 3.4 glossary: I–S"; the first page is the glossary article and keeps its own title. */
  title: string;
  letters: LetterLink[];
  pagination: Pagination;
  /** Each page's label by page number, for the pagination links ("A–H", "I–S"…). */
  labels: string[];
  /** The page's terms; the first of each letter carries the letter's anchor. */
  entries: { entry: T; letterAnchor?: string | undefined }[];
  /**
   * On the first page only: the terms of every other page, by page and letter, under the anchors
   * they had before the glossary was split, so old links land on a link to the term.
   */
  elsewhere: { label: string; href: string; letters: { letter: string; anchor: string; terms: TermLink[] }[] }[];
}

/** The data of glossary page `number` (from 1). */
export function glossaryPageData<T extends GlossaryTerm>(pages: readonly GlossaryPage<T>[], number: number): GlossaryPageData<T> {
  const page = pages[number - 1];
  if (!page) throw new Error(`glossaryPageData: the glossary has ${pages.length} pages, not ${number}`);
  let previous = '';
  const entries = page.entries.map((entry) => {
    const letter = glossaryLetter(entry.term);
    const first = letter !== previous && !pages.some((other) => other.number < number && other.letters.includes(letter));
    previous = letter;
    return { entry, letterAnchor: first ? letterAnchor(letter) : undefined };
  });
  const elsewhere =
    number === 1
      ? pages.slice(1).map((other) => ({
          label: other.label,
          href: other.href,
          letters: [...Map.groupBy(other.entries, (entry) => glossaryLetter(entry.term))].map(([letter, terms]) => ({
            letter,
            anchor: letterAnchor(letter),
            terms: terms.map(({ id, term }) => ({ id, term, href: `${other.href}#${id}` })),
          })),
        }))
      : [];
  // An anchor is given once per page: a letter split over two later pages is anchored where it starts.
  const anchored = new Set(page.letters);
  for (const group of elsewhere) {
    group.letters = group.letters.map((item) => {
      const seen = anchored.has(item.letter);
      anchored.add(item.letter);
      return seen ? { ...item, anchor: '' } : item;
    });
  }
  return {
    page,
    title: number === 1 ? 'Xen 3.4 glossary' : `Xen 3.4 glossary: ${page.label}`,
    letters: letterLinks(pages, number),
    pagination: glossaryPagination(pages, number),
    labels: pages.map((p) => p.label),
    entries,
    elsewhere,
  };
}
