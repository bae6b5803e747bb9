import { describe, expect, it } from 'vitest';
import { cspHash, pagePolicy } from '../../src/lib/csp.ts';

describe('cspHash', () => {
  it('is the base64 SHA-256 of the exact text, as browsers compute it', () => {
    // echo -n "alert(1)" | openssl dgst -sha256 -binary | base64
    expect(cspHash('alert(1)')).toBe('sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=');
    expect(cspHash('alert(1) ')).not.toBe(cspHash('alert(1)'));
  });
});


describe('pagePolicy', () => {
  const theme = "document.documentElement.dataset.theme='dark'";
  const page = (policy: string, body: string) =>
    `<html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;

  it("keeps the hashes of the page's own inline scripts and styles and drops the rest", () => {
    const policy = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '${cspHash(theme)}' '${cspHash('island()')}'; style-src-elem 'self' '${cspHash('p{}')}' '${cspHash('')}';`;
    const html = page(policy, `<script>${theme}</script><style>p{}</style><script src="/a.js"></script>`);
    expect(pagePolicy(html)).toBe(
      page(`default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '${cspHash(theme)}'; style-src-elem 'self' '${cspHash('p{}')}';`, `<script>${theme}</script><style>p{}</style><script src="/a.js"></script>`),
    );
  });

  it('adds nothing: an inline script without a hash stays blocked', () => {
    const html = page("script-src 'self'", '<script>alert(1)</script>');
    expect(pagePolicy(html)).toBe(html);
  });

  it('does not count JSON data blocks as scripts', () => {
    const json = '{"@type":"Article"}';
    const html = page(`script-src 'self' '${cspHash(json)}'`, `<script type="application/ld+json">${json}</script>`);
    expect(pagePolicy(html)).toBe(page("script-src 'self'", `<script type="application/ld+json">${json}</script>`));
  });
});
