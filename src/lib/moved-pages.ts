/**
 * Where a reader who followed a link to a page that has since moved should go. Two kinds of page
 * are numbered or named by what they hold, and so come and go as the content grows: the later
 * pages of a long list (/guides/page/3/, see pagination.ts) and the glossary's letter pages
 * (/reference/glossary/t-z/, see glossary.ts), whose ranges shift when a term is added. A link to
 * one of them that no longer exists lands on the 404 page, which asks here and, if the answer is a
 * page, goes there at once: the first page of the list, or the glossary's first page, which keeps
 * an anchor for every term and links it to the page that now defines it.
 *
 * Only the address is read, so the answer does not grow with the number of articles or terms.
 */
import { GLOSSARY_URL } from './glossary.ts';

/** A list page: `/<anything>/page/<n>/` → `/<anything>/`. */
const LIST_PAGE = /^(\/(?:[a-z0-9-]+\/)+)page\/\d+\/?$/;

/** A glossary page after the first: `/reference/glossary/<slug>/`. */
const GLOSSARY_PAGE = new RegExp(`^${GLOSSARY_URL}[a-z0-9-]+/?$`);

/**
 * The page to send a reader to from an address that does not exist (`pathname`, and the `hash`
 * with its `#` or empty), or `undefined` when it is not one of the pages that move. The hash is
 * kept for the glossary, whose first page has every term's anchor, and dropped for a list, whose
 * first page does not have the cards' anchors of other pages.
 */
export function movedPageTarget(pathname: string, hash = ''): string | undefined {
  const list = LIST_PAGE.exec(pathname);
  if (list) return list[1];
  if (GLOSSARY_PAGE.test(pathname)) return `${GLOSSARY_URL}${/^#[\w.-]+$/.test(hash) ? hash : ''}`;
  return undefined;
}
