import { describe, expect, it } from 'vitest';
import { readPage, scanTags } from '../../src/lib/link-check.ts';

/** Built pages read as a browser reads them (the basics are in check-content.test.ts). */
describe('link check: reading built HTML', () => {
  it('decodes entities in URLs and reads unquoted and upper-case markup', () => {
    const page = readPage('<A HREF=/guides/boot-xen/>x</A><a href="/search/?q=vt-d&amp;kind=guide#results">s</a>');
    expect(page.links.map((link) => link.url)).toEqual(['/guides/boot-xen/', '/search/?q=vt-d&kind=guide#results']);
  });

  it('lists only the tags written in the page, where they start', () => {
    const html = '<title>a <b> c</title><p>one<p>two';
    expect(scanTags(html).map((tag) => [tag.name, tag.offset])).toEqual([
      ['title', 0],
      ['p', 22],
      ['p', 28],
    ]);
  });

  it('keeps the first of a repeated attribute, as a browser does', () => {
    expect(scanTags('<a href="/first/" href="/second/">x</a>')[0]?.attrs).toEqual({ href: '/first/' });
  });

  it('checks links a reader without JavaScript gets, not those in a template', () => {
    const html =
      '<!doctype html><html><head><link rel="preconnect" href="https://cdn.example/"></head><body>' +
      '<noscript><a href="/search/">Search page</a></noscript><template><a href="/later/">x</a></template>' +
      '<svg><a href="/diagram/"><text id="label">x</text></a></svg></body></html>';
    const page = readPage(html);
    expect(page.links.map((link) => link.url)).toEqual(['/search/', '/diagram/']);
    expect([...page.ids]).toEqual(['label']);
  });
});
