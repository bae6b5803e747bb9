import { describe, expect, it } from 'vitest';
import { cspHash, extractStyleAttributes, formatPolicy, mergePolicies, parsePolicy, styleClass, styleSheet, trimPolicyHashes } from '../../src/lib/csp.ts';

describe('cspHash', () => {
  it('is the base64 SHA-256 of the exact text, as browsers compute it', () => {
    // echo -n "alert(1)" | openssl dgst -sha256 -binary | base64
    expect(cspHash('alert(1)')).toBe('sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=');
    expect(cspHash('alert(1) ')).not.toBe(cspHash('alert(1)'));
  });
});

describe('policies', () => {
  it('parse and format round-trip', () => {
    const policy = "default-src 'self'; script-src 'self' 'sha256-a='; object-src 'none'";
    expect(formatPolicy(parsePolicy(policy))).toBe(policy);
  });

  it('merge into one policy that allows what each page allows', () => {
    const merged = mergePolicies(["default-src 'self';script-src 'self' 'sha256-a='", "default-src 'self'; script-src 'self' 'sha256-b=';"]);
    expect(formatPolicy(merged)).toBe("default-src 'self'; script-src 'self' 'sha256-a=' 'sha256-b='");
  });
});

describe('extractStyleAttributes', () => {
  it('moves style attributes to classes, keeping existing classes', () => {
    const html = '<p><span style="--0:#24292E;--1:#E1E4E8">a</span><td class="x" style="text-align:right;">1</td></p>';
    const { html: out, rules } = extractStyleAttributes(html);
    const token = styleClass('--0:#24292E;--1:#E1E4E8');
    const align = styleClass('text-align:right');
    expect(out).toBe(`<p><span class="${token}">a</span><td class="x ${align}">1</td></p>`);
    expect([...rules]).toEqual([
      [token, '--0:#24292E;--1:#E1E4E8'],
      [align, 'text-align:right'],
    ]);
    expect(styleSheet(rules)).toContain(`.${align}.${align}{text-align:right}`);
  });

  it('gives the same declarations the same class on every page', () => {
    const a = extractStyleAttributes('<b style="color:red">1</b>');
    const b = extractStyleAttributes('<i style="color:red">2</i>');
    expect([...a.rules.keys()]).toEqual([...b.rules.keys()]);
  });

  it('leaves escaped markup in text and attribute values alone', () => {
    const html = '<code>&lt;div style="x"&gt;</code><button title="a > b" data-code="<p style=&quot;x&quot;>">c</button>';
    expect(extractStyleAttributes(html)).toEqual({ html, rules: new Map() });
  });

  it('finds a style attribute after an attribute value that holds ">"', () => {
    const { html } = extractStyleAttributes('<a title="1 > 0" style="color:red">x</a>');
    expect(html).toBe(`<a class="${styleClass('color:red')}" title="1 > 0">x</a>`);
  });
});

describe('trimPolicyHashes', () => {
  const theme = 'document.documentElement.dataset.theme="dark"';
  const policy = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '${cspHash(theme)}' '${cspHash('external file')}'; style-src 'self' '${cspHash('a{}')}'`;

  it('keeps only the hashes of the inline code on the page', () => {
    const html = `<script>${theme}</script><script type="module" src="/_astro/x.js"></script><script type="application/ld+json">{}</script>`;
    expect(trimPolicyHashes(policy, html)).toBe(`default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '${cspHash(theme)}'; style-src 'self'`);
  });

  it('fails when the page has inline code the policy would block', () => {
    expect(() => trimPolicyHashes(policy, '<script>alert(1)</script>', 'guides/x/index.html')).toThrow(/guides\/x\/index.html: 1 inline script/);
    expect(() => trimPolicyHashes(policy, '<style>b{}</style>')).toThrow(/inline style/);
  });
});
