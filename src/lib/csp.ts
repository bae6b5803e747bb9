import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy, apart from script-src and style-src, which Astro writes itself
 * (`security.csp` in astro.config.mjs) because it knows the hashes of the scripts it inlines.
 * Everything comes from this origin; nothing may frame, embed or post elsewhere.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
] as const;

/**
 * Sources for script-src besides the hashes: Pagefind compiles its WebAssembly search engine
 * in the browser, which needs 'wasm-unsafe-eval' (it allows WebAssembly only, not eval()).
 * Scripts are never allowed inline without a hash, in elements or in attributes.
 */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];

/**
 * Sources for style-src. Stylesheets and <style> elements come from this origin or by hash.
 * Style *attributes* are allowed (style-src-attr 'unsafe-inline'): Expressive Code colours each
 * token of a code block with `style="--0:#…;--1:#…"` custom properties, one pair per theme, and
 * Markdown tables align columns with `style="text-align:…"`. A style attribute cannot run script
 * and every one of them is written at build time from content in this repository, so allowing
 * them opens no injection path; rewriting them into classes after the build is what broke the
 * highlighting (Expressive Code selects tokens by `span[style^='--']`).
 */
export const STYLE_SOURCES = [
  { resource: "'self'", kind: 'element' as const },
  { resource: "'unsafe-inline'", kind: 'attribute' as const },
];

/** The CSP hash of an inline script or style, `sha256-…` of its exact text (quote it in a policy). */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
