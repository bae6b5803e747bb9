/**
 * The building blocks of the post-build link check (scripts/check-links.ts): what a built page
 * links to and which #fragments it offers, read with a real HTML parser (built-html.ts), and
 * where in the sources a broken link was written.
 */
import { attributes, elementsOf, parseHtml } from './built-html.ts';

/** A start tag written in built HTML, with its attributes (entity-decoded). */
export interface Tag {
  name: string;
  attrs: Record<string, string>;
  /** Offset of the `<` in the HTML. */
  offset: number;
}

/**
 * Every start tag written in an HTML document, in document order. Comments, the text of
 * scripts and styles, and the inert content of templates hold no tags, so a `href=` in a script
 * is never taken for a link; elements the parser adds on its own (a missing `<body>`) are left
 * out. When an attribute is repeated, the first one counts, as in a browser.
 */
export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const element of elementsOf(parseHtml(html))) {
    const location = element.sourceCodeLocation;
    if (!location) continue;
    tags.push({ name: element.tagName.toLowerCase(), attrs: attributes(element), offset: location.startOffset });
  }
  return tags;
}

/** Attributes that point at another resource, per element. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  script: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
  embed: ['src'],
  track: ['src'],
};

/** A URL found on a built page. */
export interface PageLink {
  tag: string;
  url: string;
}

/** The ids a page offers as #fragments and the URLs it links to. */
export function readPage(html: string): { ids: Set<string>; links: PageLink[] } {
  const ids = new Set<string>();
  const links: PageLink[] = [];
  for (const tag of scanTags(html)) {
    if (tag.attrs.id) ids.add(tag.attrs.id);
    if (tag.name === 'a' && tag.attrs.name) ids.add(tag.attrs.name);
    for (const attr of URL_ATTRIBUTES[tag.name] ?? []) {
      const url = tag.attrs[attr];
      if (url !== undefined && !(tag.name === 'link' && /\b(preconnect|dns-prefetch)\b/.test(tag.attrs.rel ?? ''))) {
        links.push({ tag: tag.name, url });
      }
    }
  }
  return { ids, links };
}

/** URL path of a built file (`guides/boot-xen/index.html` → `/guides/boot-xen/`). */
export function pageUrl(file: string): string {
  const path = `/${file.split('\\').join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** What a link on a page points at, or undefined when it leaves the site. */
export function resolveLink(url: string, fromPage: string, siteOrigin: string): { path: string; fragment: string } | undefined {
  if (/^(mailto|tel|javascript|data|vbscript):/i.test(url.trim())) return undefined;
  let resolved: URL;
  try {
    resolved = new URL(url, `${siteOrigin}${fromPage}`);
  } catch {
    return undefined;
  }
  if (resolved.origin !== new URL(siteOrigin).origin) return undefined;
  let path = resolved.pathname;
  let fragment = resolved.hash.slice(1);
  try {
    path = decodeURIComponent(path);
    fragment = decodeURIComponent(fragment);
  } catch {
    // Leave malformed escapes as they are; they will not match and get reported.
  }
  return { path, fragment };
}

/**
 * Which source file a built page comes from: the article for an article URL, else the route
 * in src/pages/ whose pattern matches (static routes before dynamic ones).
 */
export function sourceOfPage(
  url: string,
  articleIds: ReadonlySet<string>,
  routes: readonly string[],
): { kind: 'article' | 'route'; id: string } | undefined {
  const trimmed = url.replace(/^\/|\/$/g, '').replace(/\.html$/, '');
  if (articleIds.has(trimmed)) return { kind: 'article', id: trimmed };
  const segments = trimmed ? trimmed.split('/') : [];
  const candidates = routes
    .map((route) => ({
      route,
      parts: route
        .replace(/\.(astro|md|mdx|ts|js)$/, '')
        .replace(/(^|\/)index$/, '')
        .split('/')
        .filter(Boolean),
    }))
    .filter(
      ({ parts }) =>
        parts.length === segments.length && parts.every((part, index) => part.startsWith('[') || part === segments[index]),
    )
    .sort((a, b) => a.parts.filter((p) => p.startsWith('[')).length - b.parts.filter((p) => p.startsWith('[')).length);
  return candidates[0] ? { kind: 'route', id: candidates[0].route } : undefined;
}

/**
 * Where in an article's source a link was written: the first line holding the URL, or for a
 * glossary link the <Term> that makes it. Undefined when the layout or a component made it.
 */
export function findLinkInSource(source: string, url: string): { line: number; column: number } | undefined {
  const lines = source.split('\n');
  const find = (needle: string, standalone: boolean) => {
    for (let index = 0; index < lines.length; index++) {
      let from = 0;
      for (;;) {
        const at = lines[index].indexOf(needle, from);
        if (at < 0) break;
        const before = lines[index][at - 1] ?? ' ';
        const after = lines[index][at + needle.length] ?? ' ';
        // The URL on its own, not the start of a longer one: /guides/boot-xen/ in /guides/boot-xen/#x is not it.
        if (!standalone || (/[(\s"'<]/.test(before) && /[)\s"'>]/.test(after))) return { line: index + 1, column: at + 1 };
        from = at + 1;
      }
    }
    return undefined;
  };
  const glossary = /^\/reference\/glossary\/(?:[a-z0-9-]+\/)?#(.+)$/.exec(url);
  return find(url, true) ?? find(url.replace(/&/g, '&amp;'), true) ?? (glossary ? find(`id="${glossary[1]}"`, false) : undefined);
}
