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

/** Inline <script> and <style> elements of a page, whose text a hash must match. Data blocks (JSON) never run. */
function inlineTexts(html: string, tag: 'script' | 'style'): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi'))]
    .filter(([, attributes]) => !/\bsrc\s*=/.test(attributes!) && !/\btype\s*=\s*["']?application\/(ld\+)?json/i.test(attributes!))
    .map(([, , text]) => text!);
}

/**
 * The page's Content-Security-Policy <meta> with only the hashes this page needs. Astro writes
 * one list for the whole site into every page: the hashes of every script it inlines anywhere,
 * and of its island loaders (client:load and the rest) even when no page has an island. On an
 * article that was seven unused hashes, 0.4 KB gzip of random text. Astro has no option to
 * narrow the list per page, so src/middleware.ts passes each page through this: a hash stays
 * when an inline script or style of the page has it; other sources stay as they are. Nothing is
 * added, so a page whose inline code has no hash still fails as before.
 */
export function pagePolicy(html: string): string {
  return html.replace(/(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i, (_, open: string, policy: string, close: string) => {
    const used = new Set([...inlineTexts(html, 'script'), ...inlineTexts(html, 'style')].map(cspHash));
    const pruned = policy.replace(/\s*'(sha256-[A-Za-z0-9+/=]+)'/g, (source, hash: string) => (used.has(hash as `sha256-${string}`) ? source : ''));
    return open + pruned + close;
  });
}
