/**
 * Highlights the searched words on a page opened from a search result, with Pagefind's own
 * highlight script (/pagefind/pagefind-highlight.js, loaded only when the URL asks for it), and
 * offers a "Clear highlights" button that removes the marks and the words from the URL.
 */
import highlightCss from '../components/search/search-highlight.css?url';
import { loadStylesheet } from './load-stylesheet.ts';
import { HIGHLIGHT_PARAM, withoutHighlight } from '../lib/search-query.ts';

interface PagefindHighlightOptions {
  highlightParam: string;
  addStyles: boolean;
  markContext: string | null;
  markOptions: { className: string; exclude: string[] };
}
type PagefindHighlightClass = new (options: PagefindHighlightOptions) => unknown;

const MARK_CLASS = 'search-highlight';

/** Marks the words named in the URL's highlight parameters inside the article. */
export async function highlightFromUrl(): Promise<void> {
  const terms = [...new Set(new URLSearchParams(location.search).getAll(HIGHLIGHT_PARAM).map((t) => t.trim()))].filter(Boolean);
  const body = document.querySelector('[data-pagefind-body]');
  if (!terms.length || !body) return;
  const url = '/pagefind/pagefind-highlight.js';
  const [{ default: PagefindHighlight }] = await Promise.all([
    import(/* @vite-ignore */ url) as Promise<{ default: PagefindHighlightClass }>,
    loadStylesheet(highlightCss),
  ]);
  new PagefindHighlight({
    highlightParam: HIGHLIGHT_PARAM,
    // Its default adds an inline <style>; the site styles the marks itself (no unsafe-inline).
    addStyles: false,
    markContext: '[data-pagefind-body]',
    markOptions: {
      className: MARK_CLASS,
      exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *', '[hidden]', '[hidden] *', 'svg', 'svg *'],
    },
  });
  const marks = body.querySelectorAll(`mark.${MARK_CLASS}`);
  if (marks.length) showBar(terms, marks.length);
}

function showBar(terms: string[], count: number) {
  // At the top of the main content and sticky under the header: always in view, and clear of
  // the offline status in the bottom corner.
  const bar = document.createElement('section');
  bar.className = 'search-highlight-bar no-print';
  bar.setAttribute('aria-label', 'Search highlights');
  const box = document.createElement('div');
  box.className = 'search-highlight-box';
  const text = document.createElement('p');
  text.append(`${count} ${count === 1 ? 'match' : 'matches'} for `);
  terms.forEach((term, index) => {
    if (index) text.append(index === terms.length - 1 ? ' and ' : ', ');
    const word = document.createElement('strong');
    word.textContent = `“${term}”`;
    text.append(word);
  });
  text.append(' highlighted.');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Clear highlights';
  button.addEventListener('click', () => {
    clearHighlights();
    bar.remove();
    document.documentElement.classList.remove('has-search-highlight');
    history.replaceState(history.state, '', withoutHighlight(location.href));
    // The button is gone; keep keyboard focus in the page where the reader was.
    document.getElementById('main')?.focus({ preventScroll: true });
  });
  box.append(text, button);
  bar.append(box);
  const main = document.getElementById('main') ?? document.body;
  main.prepend(bar);
  document.documentElement.classList.add('has-search-highlight');
}

function clearHighlights() {
  const parents = new Set<Node>();
  for (const mark of document.querySelectorAll(`mark.${MARK_CLASS}`)) {
    if (mark.parentNode) parents.add(mark.parentNode);
    mark.replaceWith(...mark.childNodes);
  }
  for (const parent of parents) parent.normalize();
}
