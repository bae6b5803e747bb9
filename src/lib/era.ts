import { attribute, findElement, hasClass, parseHtml, textOf, type Element, type Node } from './built-html.ts';

/**
 * Names that did not exist in Xen 3.4. Articles may mention them only inside a
 * `<Callout type="later">` (or in a cited source's title), so readers never mistake a later
 * command for a 3.4 one.
 */
export const LATER_TERMS = ['xl', 'libxenlight', 'xen-hptool', 'gfx_passthru', 'enable-turbo-mode', 'disable-turbo-mode'] as const;

const LATER = new RegExp(`(?<![\\w./-])(${LATER_TERMS.map((t) => t.replace(/[-]/g, '\\-')).join('|')})(?![\\w-])`, 'g');

/** One mention of a later-version name outside a "later versions" callout. */
export interface EraProblem {
  term: string;
  context: string;
}

/**
 * Where a later name may appear: a "later versions" callout, the sources list and the source
 * links of the comparison matrix.
 */
const allowed = (element: Element) =>
  (element.tagName === 'aside' && hasClass(element, 'callout-later')) ||
  (element.tagName === 'section' && attribute(element, 'aria-labelledby') === 'sources') ||
  (element.tagName === 'a' && hasClass(element, 'matrix-source'));

/** Finds later-version names in the text of a parsed article, outside the places they are allowed. */
function eraProblemsIn(node: Node): EraProblem[] {
  const text = textOf(node, allowed).replace(/\s+/g, ' ');
  return [...text.matchAll(LATER)].map((match) => ({
    term: match[1]!,
    context: text.slice(Math.max(0, match.index - 60), match.index + match[0].length + 40).trim(),
  }));
}

/**
 * Finds later-version names in a piece of an article's built HTML, ignoring "later versions"
 * callouts, the sources list and source links of the comparison matrix.
 */
export function findEraProblems(articleHtml: string): EraProblem[] {
  return eraProblemsIn(parseHtml(articleHtml, { fragment: true }));
}

/**
 * Finds later-version names in a built page's article (the element Pagefind indexes,
 * `<article data-pagefind-body>`); undefined when the page has no article.
 */
export function findEraProblemsInPage(pageHtml: string): EraProblem[] | undefined {
  const article = findElement(parseHtml(pageHtml), (e) => e.tagName === 'article' && attribute(e, 'data-pagefind-body') !== undefined);
  return article && eraProblemsIn(article);
}
