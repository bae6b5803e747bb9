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
 */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];

/** Sources for style-src: stylesheets from this origin only, no inline styles. */
export const STYLE_SOURCES = ["'self'"];

/** Directives that a <meta> policy cannot carry; they go into the HTTP header only. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

/** The CSP hash of an inline script or style, `sha256-…` of its exact text (quote it in a policy). */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/**
 * Parses a policy into its directives (`script-src 'self' 'sha256-…'` → ['script-src', [...]]),
 * in order, so policies from several pages can be compared and merged.
 */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Joins parsed directives back into one policy string. */
export function formatPolicy(directives: Map<string, string[]>): string {
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * One policy that allows everything each page's policy allows: the union of their sources per
 * directive. Pages differ only in which inline-script hashes they list.
 */
export function mergePolicies(policies: Iterable<string>): Map<string, string[]> {
  const merged = new Map<string, string[]>();
  for (const policy of policies) {
    for (const [name, sources] of parsePolicy(policy)) {
      const into = merged.get(name) ?? [];
      for (const source of sources) if (!into.includes(source)) into.push(source);
      merged.set(name, into);
    }
  }
  return merged;
}

/** An HTML start tag, with quoted attribute values that may contain ">". */
const START_TAG = /<[a-zA-Z][\w:-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;
const STYLE_ATTRIBUTE = /\sstyle="([^"]*)"/;

/** A short, stable class name for one list of style declarations. */
export function styleClass(declarations: string): string {
  return `s-${createHash('sha256').update(declarations).digest('base64url').slice(0, 7)}`;
}

/**
 * Replaces every style="…" attribute in a page with a class, so the page needs no inline
 * styles and the policy no 'unsafe-inline'. Returns the new HTML and, by class, the
 * declarations its stylesheet must hold.
 */
export function extractStyleAttributes(html: string): { html: string; rules: Map<string, string> } {
  const rules = new Map<string, string>();
  const out = html.replace(START_TAG, (tag) => {
    const style = STYLE_ATTRIBUTE.exec(tag);
    if (!style) return tag;
    let rest = tag.replace(style[0], '');
    const declarations = style[1]!.trim().replace(/;$/, '');
    if (!declarations) return rest;
    const name = styleClass(declarations);
    rules.set(name, declarations);
    const existing = /\sclass="([^"]*)"/.exec(rest);
    if (existing) return rest.replace(existing[0], ` class="${existing[1]} ${name}"`);
    return rest.replace(/^<[a-zA-Z][\w:-]*/, (element) => `${element} class="${name}"`);
  });
  return { html: out, rules };
}

/** The stylesheet for extracted style attributes. The doubled class outranks single-class component rules, as the attribute did. */
export function styleSheet(rules: Map<string, string>): string {
  return [...rules]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, declarations]) => `.${name}.${name}{${declarations}}`)
    .join('\n');
}

/** The text of every inline script a browser would run, and of every <style> element, in a page. */
export function inlineCode(html: string): { scripts: string[]; styles: string[] } {
  const scripts = [...html.matchAll(/<script\b(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => {
      const type = /\stype=["']?([^"'\s>]*)/i.exec(m[1]!)?.[1]?.toLowerCase() ?? '';
      return ['', 'module', 'text/javascript', 'application/javascript'].includes(type);
    })
    .map((m) => m[2]!);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!);
  return { scripts, styles };
}

/**
 * Narrows a page's policy to the hashes of the inline code the page really has. Astro lists the
 * hash of every script and stylesheet of the build, external files included, which a policy with
 * 'self' never needs; each costs ~50 incompressible bytes on every page. Throws when the page has
 * inline code that the policy would block.
 */
export function trimPolicyHashes(policy: string, html: string, where = 'page'): string {
  const directives = parsePolicy(policy);
  const { scripts, styles } = inlineCode(html);
  for (const [directive, code] of [['script-src', scripts], ['style-src', styles]] as const) {
    const needed = new Set(code.map((text) => `'${cspHash(text)}'`));
    const sources = directives.get(directive) ?? [];
    const missing = [...needed].filter((hash) => !sources.includes(hash));
    if (missing.length) {
      throw new Error(`${where}: ${missing.length} inline ${directive === 'script-src' ? 'script' : 'style'}(s) not allowed by the Content-Security-Policy (${missing.join(' ')}). Move the code to a file, or hash it (Astro.csp.insertScriptHash).`);
    }
    if (directives.has(directive)) directives.set(directive, sources.filter((source) => !/^'sha(256|384|512)-/.test(source) || needed.has(source)));
  }
  return formatPolicy(directives);
}
