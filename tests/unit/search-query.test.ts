import { describe, expect, it } from 'vitest';
import {
  MAX_QUERY_LENGTH,
  cleanQuery,
  describeResults,
  describeUnsaved,
  excerptParts,
  highlightTerms,
  pagefindFilters,
  readSearchState,
  searchHref,
  withHighlight,
  withoutHighlight,
} from '../../src/lib/search-query.ts';

describe('search queries', () => {
  it('collapses whitespace and keeps markup and regex characters as plain text', () => {
    expect(cleanQuery('  xenpm \n  get-cpufreq-para ')).toEqual({ query: 'xenpm get-cpufreq-para', truncated: false });
    expect(cleanQuery('<img src=x onerror=alert(1)>').query).toBe('<img src=x onerror=alert(1)>');
    expect(cleanQuery('.*[(').query).toBe('.*[(');
  });

  it('cuts very long input to the searched length and says so', () => {
    const { query, truncated } = cleanQuery('a'.repeat(5000));
    expect(truncated).toBe(true);
    expect(query).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('never cuts a character in half', () => {
    const { query } = cleanQuery('😀'.repeat(MAX_QUERY_LENGTH + 5));
    expect(Array.from(query)).toHaveLength(MAX_QUERY_LENGTH);
    expect(query).not.toMatch(/[\uD800-\uDBFF]$/);
  });
});

describe('search URL state', () => {
  it('reads the query and known filters from the URL', () => {
    expect(readSearchState(new URLSearchParams('q=cpufreq&kind=guide&topic=power'))).toEqual({ q: 'cpufreq', kind: 'guide', topic: 'power' });
  });

  it('treats unknown kinds and topics as "all"', () => {
    expect(readSearchState(new URLSearchParams('q=x&kind=<b>&topic=nope'))).toEqual({ q: 'x', kind: '', topic: '' });
    expect(readSearchState(new URLSearchParams(''))).toEqual({ q: '', kind: '', topic: '' });
  });

  it('writes a shareable URL that round-trips', () => {
    const href = searchHref({ q: 'VT-d & IOMMU', kind: 'feature', topic: 'passthrough' });
    expect(href).toBe('/search/?q=VT-d+%26+IOMMU&kind=feature&topic=passthrough');
    expect(readSearchState(new URL(href, 'https://example.org').searchParams)).toEqual({ q: 'VT-d & IOMMU', kind: 'feature', topic: 'passthrough' });
    expect(searchHref({})).toBe('/search/');
  });

  it('maps filter ids to the labels stored in the index', () => {
    expect(pagefindFilters({ kind: 'guide', topic: 'power' })).toEqual({ kind: ['Guide'], topic: ['Power management'] });
    expect(pagefindFilters({ kind: '', topic: '' })).toEqual({});
  });
});

describe('result wording', () => {
  it('counts results and names the query and filters', () => {
    expect(describeResults(1, { query: 'xenpm', kind: '', topic: '' })).toBe('1 article matches “xenpm”.');
    expect(describeResults(3, { query: 'cpufreq', kind: 'guide', topic: 'power' })).toBe('3 guides about Power management match “cpufreq”.');
    expect(describeResults(0, { query: 'zzz', kind: 'reference', topic: '' })).toBe('No reference pages match “zzz”.');
    expect(describeResults(5, { query: '', kind: '', topic: 'ras' })).toBe('5 articles about RAS.');
  });

  it('says how many results cannot be shown offline, when some cannot', () => {
    expect(describeUnsaved(0)).toBe('');
    expect(describeUnsaved(1)).toBe(' One of them is not saved on this device, so it cannot be shown until you are back online.');
    expect(describeResults(12, { query: 'xenpm', kind: '', topic: '' }) + describeUnsaved(9)).toBe(
      '12 articles match “xenpm”. 9 of them are not saved on this device, so they cannot be shown until you are back online.',
    );
  });
});

describe('excerpts', () => {
  it('keeps only the marks Pagefind adds and decodes the rest to text', () => {
    expect(excerptParts('Set <mark>cpufreq=</mark> in &lt;b&gt;menu.lst&lt;/b&gt; &amp; reboot')).toEqual([
      { text: 'Set ', marked: false },
      { text: 'cpufreq=', marked: true },
      { text: ' in <b>menu.lst</b> & reboot', marked: false },
    ]);
  });

  it('turns escaped markup from a page into text, never into elements', () => {
    const parts = excerptParts('&lt;img src=x onerror=alert(1)&gt; <mark>xm</mark>');
    expect(parts[0]).toEqual({ text: '<img src=x onerror=alert(1)> ', marked: false });
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(['xm']);
  });
});

describe('highlight links', () => {
  it('carries the words to the result page, before the #fragment', () => {
    expect(withHighlight('/features/ras/#what-xen-34-added', 'machine check')).toBe(
      '/features/ras/?pagefind-highlight=machine&pagefind-highlight=check#what-xen-34-added',
    );
  });

  it('leaves out one-letter words and repeats', () => {
    expect(highlightTerms('domain 0 Domain a xm')).toEqual(['domain', 'xm']);
    expect(withHighlight('/guides/boot-xen/', '0')).toBe('/guides/boot-xen/');
  });

  it('encodes markup and regex characters as data', () => {
    const url = new URL(withHighlight('/a/', '<img src=x> .*[('), 'https://example.org');
    expect(url.searchParams.getAll('pagefind-highlight')).toEqual(['<img', 'src=x>', '.*[(']);
  });

  it('removes the words again, keeping other parameters and the fragment', () => {
    expect(withoutHighlight('https://example.org/a/?pagefind-highlight=x&pagefind-highlight=y&ref=1#h')).toBe('/a/?ref=1#h');
  });
});
