/**
 * One stylesheet for the whole site. Astro and Vite emit a page's CSS in several files (the
 * layout's Tailwind output, page styles, Expressive Code's stylesheet, linked from inside the
 * first code block) and the build adds the classes that replace style attributes. Each file is a
 * render-blocking request with its own gzip overhead. The files every page links to, and those
 * classes, become one file that all pages share, so after the first page no stylesheet is
 * downloaded again; a file only some pages need (code blocks) stays separate and linked there.
 */

/** A <link rel="stylesheet"> to a file of this site's build (/_astro/…). */
const LINK = /<link\b[^>]*>/gi;

function stylesheetHref(tag: string): string | undefined {
  if (!/\brel=["']?stylesheet["'\s>/]/i.test(tag)) return undefined;
  const href = /\bhref=["']?([^"'\s>]+)/i.exec(tag)?.[1];
  return href?.startsWith('/_astro/') && href.endsWith('.css') ? href : undefined;
}

/** The build's stylesheets a page links to, in document order. */
export function stylesheetLinks(html: string): string[] {
  return [...html.matchAll(LINK)].map((m) => stylesheetHref(m[0])).filter((href): href is string => Boolean(href));
}

/**
 * Replaces the page's links to the `joined` stylesheets with one link to `combined`, where the
 * first of them was (in <head>). Other links are kept.
 */
export function linkCombinedStylesheet(html: string, combined: string, joined: ReadonlySet<string>): string {
  let placed = false;
  return html.replace(LINK, (tag) => {
    const href = stylesheetHref(tag);
    if (!href || !joined.has(href)) return tag;
    if (placed) return '';
    placed = true;
    return `<link rel="stylesheet" href="${combined}">`;
  });
}

/**
 * The order to concatenate stylesheets in: each page's order is kept (the cascade depends on it),
 * and a file first seen later comes after those already placed.
 */
export function stylesheetOrder(pages: Iterable<string[]>): string[] {
  const order: string[] = [];
  for (const links of pages) {
    let at = -1;
    for (const href of links) {
      const found = order.indexOf(href);
      if (found === -1) order.splice(++at, 0, href);
      else at = Math.max(at, found);
    }
  }
  return order;
}

/** The stylesheets that every page links to, in cascade order. */
export function sharedStylesheets(pages: string[][]): string[] {
  return stylesheetOrder(pages).filter((href) => pages.every((links) => links.includes(href)));
}
