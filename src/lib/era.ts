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
 * Finds later-version names in an article's built HTML, ignoring "later versions" callouts,
 * the sources list and source links of the comparison matrix.
 */
export function findEraProblems(articleHtml: string): EraProblem[] {
  const text = articleHtml
    .replace(/<aside class="callout callout-later[\s\S]*?<\/aside>/g, ' ')
    .replace(/<section[^>]*aria-labelledby="sources"[\s\S]*?<\/section>/g, ' ')
    .replace(/<a class="matrix-source"[\s\S]*?<\/a>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ');
  return [...text.matchAll(LATER)].map((match) => ({
    term: match[1]!,
    context: text.slice(Math.max(0, match.index - 60), match.index + match[0].length + 40).trim(),
  }));
}
