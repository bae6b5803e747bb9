import { describe, expect, it } from 'vitest';
import { findEraProblems, findEraProblemsInPage } from '../../src/lib/era.ts';

describe('era check', () => {
  it('flags later commands in running text', () => {
    const problems = findEraProblems('<p>Run <code>xl list</code> to see guests.</p>');
    expect(problems.map((p) => p.term)).toEqual(['xl']);
    expect(problems[0]?.context).toContain('xl list');
    expect(findEraProblems('<p>Use xen-hptool cpu-offline 3.</p>').map((p) => p.term)).toEqual(['xen-hptool']);
  });

  it('allows them inside a later-versions callout and in sources', () => {
    const html =
      '<aside class="callout callout-later x"><p><code>xl</code> came in 4.0</p></aside>' +
      '<section aria-labelledby="sources"><a>gfx_passthru commit</a></section><p>Use xm list.</p>';
    expect(findEraProblems(html)).toEqual([]);
  });


  it('does not mistake paths or longer words for a later command', () => {
    expect(findEraProblems('<p>/etc/xen/xl.conf? no: xlate, axl, xl-foo and config.xl</p>')).toEqual([]);
  });

  it('reads the text as a reader sees it: entities decoded, tags as spaces', () => {
    expect(findEraProblems('<p>Run <code>xl&nbsp;create</code> or <em>xen-hptool</em>.</p>').map((p) => p.term)).toEqual(['xl', 'xen-hptool']);
    expect(findEraProblems('<p>x<b>l</b> is not a command here</p>')).toEqual([]);
  });

  it('skips a whole later-versions callout, whatever it holds', () => {
    const html =
      '<aside class="not-prose callout-later" aria-label="Later > 3.4"><aside>aside</aside><p>xl list</p></aside><p>xm list</p>';
    expect(findEraProblems(html)).toEqual([]);
  });

  it('checks only the article of a built page, and says when a page has none', () => {
    const page = (body: string) => `<!doctype html><html><head><title>xl</title></head><body><header>xl</header>${body}</body></html>`;
    expect(findEraProblemsInPage(page('<article data-pagefind-body><p>Use xl here.</p></article>'))?.map((p) => p.term)).toEqual(['xl']);
    expect(findEraProblemsInPage(page('<article data-pagefind-body><p>Use xm.</p></article><footer>xl</footer>'))).toEqual([]);
    expect(findEraProblemsInPage(page('<main>xl</main>'))).toBeUndefined();
  });
});
