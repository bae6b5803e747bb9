import { describe, expect, it } from 'vitest';
import { findEraProblems } from '../../src/lib/era.ts';

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
});
