/** A start tag found in built HTML, with its attributes (entity-decoded). */
export interface Tag {
  name: string;
  attrs: Record<string, string>;
  /** Offset of the `<` in the HTML. */
  offset: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references Astro writes into attribute values. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'template']);

/**
 * Every start tag in an HTML document, skipping comments and the text of raw-text elements
 * (scripts, styles, templates), so that a `href=` inside a script is never taken for a link.
 * Attribute values may contain `>`; the scanner follows the quotes.
 */
export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open < 0) break;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    const nameMatch = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(open, open + 64));
    if (!nameMatch) {
      i = open + 1;
      continue;
    }
    const name = nameMatch[1].toLowerCase();
    let j = open + nameMatch[0].length;
    const attrs: Record<string, string> = {};
    while (j < html.length) {
      while (j < html.length && /\s/.test(html[j])) j++;
      if (html[j] === '>') {
        j++;
        break;
      }
      if (html[j] === '/' && html[j + 1] === '>') {
        j += 2;
        break;
      }
      const attrName = /^[^\s=>/]+/.exec(html.slice(j, j + 256))?.[0];
      if (!attrName) {
        j++;
        continue;
      }
      j += attrName.length;
      while (j < html.length && /\s/.test(html[j])) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < html.length && /\s/.test(html[j])) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          value = html.slice(j + 1, end < 0 ? html.length : end);
          j = end < 0 ? html.length : end + 1;
        } else {
          const end = /[\s>]/.exec(html.slice(j))?.index ?? html.length - j;
          value = html.slice(j, j + end);
          j += end;
        }
      }
      const key = attrName.toLowerCase();
      if (!(key in attrs)) attrs[key] = decodeEntities(value);
    }
    tags.push({ name, attrs, offset: open });
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, j);
      j = close < 0 ? html.length : close;
    }
    i = j;
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
  const glossary = /^\/reference\/glossary\/#(.+)$/.exec(url);
  return find(url, true) ?? find(url.replace(/&/g, '&amp;'), true) ?? (glossary ? find(`id="${glossary[1]}"`, false) : undefined);
}
