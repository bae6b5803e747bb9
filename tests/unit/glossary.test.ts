import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { GLOSSARY_PAGE_SIZE, glossaryLetter, glossaryPageData, glossaryPageOf, glossaryPages, letterLinks, sortTerms } from '../../src/lib/glossary.ts';
import { glossaryUrl } from '../../src/lib/paths.ts';

/** Terms made from words: `term('Dom0')` → { id: 'dom0', term: 'Dom0' }. */
const term = (word: string) => ({ id: word.toLowerCase().replace(/[^a-z0-9]+/g, '-'), term: word });
const terms = (...words: string[]) => words.map(term);
const shape = (pages: ReturnType<typeof glossaryPages>) => pages.map((p) => `${p.label} ${p.href} ${p.entries.map((e) => e.term).join(',')}`);

describe('the glossary split by letter range', () => {
  it('files a term under its first character, digits included', () => {
    expect(glossaryLetter('hvm')).toBe('H');
    expect(glossaryLetter('2.6.18-xen kernel')).toBe('2');
    expect(sortTerms(terms('pv', 'Dom0', 'ACPI', '2.6.18')).map((t) => t.term)).toEqual(['2.6.18', 'ACPI', 'Dom0', 'pv']);
  });

  it('keeps a short glossary on one page, A–Z, at the glossary article', () => {
    expect(shape(glossaryPages(terms('HVM', 'Dom0', 'PV')))).toEqual(['A–Z /reference/glossary/ Dom0,HVM,PV']);
    expect(shape(glossaryPages([]))).toEqual(['A–Z /reference/glossary/ ']);
  });

  it('packs whole letters into pages whose labels cover the alphabet without holes', () => {
    const pages = glossaryPages(terms('2.6.18', 'ACPI', 'Dom0', 'DomU', 'HVM', 'IOMMU', 'PV', 'PVH', 'Stub domain', 'VT-d', 'XCI'), 4);
    expect(shape(pages)).toEqual([
      'A–D /reference/glossary/ 2.6.18,ACPI,Dom0,DomU',
      'E–P /reference/glossary/e-p/ HVM,IOMMU,PV,PVH',
      'Q–Z /reference/glossary/q-z/ Stub domain,VT-d,XCI',
    ]);
    expect(pages.map((p) => p.letters)).toEqual([['2', 'A', 'D'], ['H', 'I', 'P'], ['S', 'V', 'X']]);
  });

  it('gives a letter longer than a page pages of its own, each with its own address', () => {
    const pages = glossaryPages(terms('ACPI', 'PAE', 'PCI', 'PV', 'PVH', 'PXE', 'Xen'), 2);
    expect(shape(pages)).toEqual([
      'A /reference/glossary/ ACPI',
      'B–P /reference/glossary/b-p/ PAE,PCI',
      'P /reference/glossary/p/ PV,PVH',
      'P–Z /reference/glossary/p-z/ PXE,Xen',
    ]);
    expect(pages.every((p) => p.entries.length <= 2)).toBe(true);
    // The letter is linked once in the A–Z index, where it starts.
    expect(letterLinks(pages, 1).map((l) => `${l.letter} ${l.href}`)).toEqual([
      'A #letter-a',
      'P /reference/glossary/b-p/#letter-p',
      'X /reference/glossary/p-z/#letter-x',
    ]);
  });

  it('links every term to the page that holds it', () => {
    const pages = glossaryPages(terms('ACPI', 'Dom0', 'HVM', 'PV'), 2);
    expect(glossaryPageOf(pages, 'hvm')?.href).toBe('/reference/glossary/e-z/');
    expect(glossaryUrl('acpi', pages)).toBe('/reference/glossary/#acpi');
    expect(glossaryUrl('pv', pages)).toBe('/reference/glossary/e-z/#pv');
  });

  it('gives each page its A–Z index, its neighbours and, on the first, the other terms under their old anchors', () => {
    const pages = glossaryPages(terms('ACPI', 'Dom0', 'HVM', 'PV', 'PVH'), 2);
    const first = glossaryPageData(pages, 1);
    expect(first.letters).toEqual([
      { letter: 'A', href: '#letter-a', here: true },
      { letter: 'D', href: '#letter-d', here: true },
      { letter: 'H', href: '/reference/glossary/e-h/#letter-h', here: false },
      { letter: 'P', href: '/reference/glossary/i-z/#letter-p', here: false },
    ]);
    expect(first.entries.map((e) => [e.entry.id, e.letterAnchor])).toEqual([
      ['acpi', 'letter-a'],
      ['dom0', 'letter-d'],
    ]);
    expect(first.elsewhere).toEqual([
      { label: 'E–H', href: '/reference/glossary/e-h/', letters: [{ letter: 'H', anchor: 'letter-h', terms: [{ id: 'hvm', term: 'HVM', href: '/reference/glossary/e-h/#hvm' }] }] },
      {
        label: 'I–Z',
        href: '/reference/glossary/i-z/',
        letters: [
          {
            letter: 'P',
            anchor: 'letter-p',
            terms: [
              { id: 'pv', term: 'PV', href: '/reference/glossary/i-z/#pv' },
              { id: 'pvh', term: 'PVH', href: '/reference/glossary/i-z/#pvh' },
            ],
          },
        ],
      },
    ]);
    expect(first.pagination).toMatchObject({ current: 1, total: 3, prev: undefined, next: { href: '/reference/glossary/e-h/' } });
    const last = glossaryPageData(pages, 3);
    expect(last.title).toBe('Xen 3.4 glossary: I–Z');
    expect(last.elsewhere).toEqual([]);
    expect(last.entries.map((e) => e.letterAnchor)).toEqual(['letter-p', undefined]);
    expect(last.labels).toEqual(['A–D', 'E–H', 'I–Z']);
    expect(() => glossaryPageData(pages, 4)).toThrow(/3 pages/);
  });

  it('splits the real glossary into pages of at most GLOSSARY_PAGE_SIZE terms, every term once', () => {
    const entries = (parse(readFileSync('content/glossary.yaml', 'utf8')) as { id: string; term: string }[]).map(({ id, term }) => ({ id, term }));
    const pages = glossaryPages(entries);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((p) => p.entries.length <= GLOSSARY_PAGE_SIZE)).toBe(true);
    expect(pages.flatMap((p) => p.entries.map((e) => e.id)).sort()).toEqual(entries.map((e) => e.id).sort());
    expect(pages[0]!.label.startsWith('A')).toBe(true);
    expect(pages.at(-1)!.label.endsWith('Z')).toBe(true);
  });
});
