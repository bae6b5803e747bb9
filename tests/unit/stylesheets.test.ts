import { describe, expect, it } from 'vitest';
import { linkCombinedStylesheet, sharedStylesheets, stylesheetLinks, stylesheetOrder } from '../../src/lib/stylesheets.ts';

const page =
  '<head><link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/_astro/style.A.css"></head>' +
  '<body><div class="expressive-code"><link rel="stylesheet" href="/_astro/ec.B.css"/><pre></pre></div></body>';

describe('one stylesheet per site', () => {
  it("finds the build's stylesheet links in document order, ignoring other links", () => {
    expect(stylesheetLinks(page)).toEqual(['/_astro/style.A.css', '/_astro/ec.B.css']);
    expect(stylesheetLinks('<link rel="stylesheet" href="https://example.com/x.css">')).toEqual([]);
  });

  it('links the combined file once, where the first joined stylesheet was, and keeps the others', () => {
    expect(linkCombinedStylesheet(page, '/_astro/site.C.css', new Set(['/_astro/style.A.css', '/_astro/ec.B.css']))).toBe(
      '<head><link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/_astro/site.C.css"></head>' +
        '<body><div class="expressive-code"><pre></pre></div></body>',
    );
    expect(linkCombinedStylesheet(page, '/_astro/site.C.css', new Set(['/_astro/style.A.css']))).toBe(
      page.replace('/_astro/style.A.css', '/_astro/site.C.css'),
    );
  });

  it('joins only the stylesheets that every page links to', () => {
    expect(sharedStylesheets([['/style', '/slug', '/ec'], ['/style', '/slug'], ['/style']])).toEqual(['/style']);
  });

  it("keeps every page's order when joining files", () => {
    expect(stylesheetOrder([['/style', '/ec'], ['/style', '/search'], ['/ec']])).toEqual(['/style', '/search', '/ec']);
    expect(stylesheetOrder([['/a'], ['/b', '/a']])).toEqual(['/b', '/a']);
  });
});
