/**
 * The search dialog, loaded on first use by SearchDialog.astro (whose own script, on every page,
 * only reacts to the search link and the shortcuts): builds the modal <dialog> inside the page's
 * <search-dialog> element, loads its styles, opens and closes it, and runs the search in it.
 * Built here rather than written into every page, the dialog's markup and styles cost a page
 * nothing until the reader asks for them.
 */
import dialogCss from '../components/search/search-dialog.css?url';
import { SEARCH_ICON_PATH } from '../lib/icons.ts';
import { loadStylesheet } from './load-stylesheet.ts';
import { attachSearch, showCorrection, type SearchOutcome } from './search-client.ts';
import { renderHistory } from './search-history.ts';
import { MAX_QUERY_LENGTH, cleanQuery, describeResults, describeUnsaved, searchHref } from '../lib/search-query.ts';

const MARKUP = `<dialog aria-labelledby="search-dialog-title" class="search-dialog">
<h2 id="search-dialog-title" class="sr-only">Search the knowledge base</h2>
<div class="search-dialog-head">
<form role="search" action="/search/" method="get" class="search-dialog-form">
<label for="search-dialog-input" class="sr-only">Search articles</label>
<svg class="search-dialog-icon" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false"><path d="${SEARCH_ICON_PATH}"/></svg>
<input id="search-dialog-input" name="q" type="search" autocomplete="off" autocapitalize="none" spellcheck="false" enterkeyhint="search" placeholder="Search, e.g. xenpm or VT-d" aria-describedby="search-dialog-hint" aria-controls="search-dialog-results">
</form>
<button type="button" data-close class="search-dialog-close">Close<span class="sr-only"> search</span></button>
</div>
<div class="search-dialog-body">
<p data-status role="status" aria-live="polite" aria-atomic="true" class="search-status"></p>
<p data-correction hidden class="search-correction"></p>
<ul id="search-dialog-results" data-results class="search-results" aria-label="Search results" hidden></ul>
<div data-after class="search-after"></div>
</div>
<p id="search-dialog-hint" class="search-dialog-hint">
<span><kbd>↑</kbd> <kbd>↓</kbd> move through results</span>
<span><kbd>Enter</kbd> opens one</span>
<span><kbd>Esc</kbd> closes</span>
</p>
</dialog>`;

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Builds the dialog in `host` and resolves, once its styles have loaded, with `open(opener, typed)`:
 * focus goes to the search box, and back to `opener` when the dialog closes (not when the
 * reader follows a result).
 */
export async function createSearchDialog(host: HTMLElement) {
  const styled = loadStylesheet(dialogCss);
  host.innerHTML = MARKUP;
  const dialog = host.querySelector('dialog')!;
  const input = dialog.querySelector<HTMLInputElement>('input[type=search]')!;
  let opener: HTMLElement | null = null;
  let leaving = false;

  dialog.addEventListener('close', () => {
    if (!leaving && opener?.isConnected) opener.focus();
    opener = null;
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      // A search box would clear itself on the first Escape; here Escape always closes.
      event.preventDefault();
      dialog.close();
    } else if (event.key === 'Tab') {
      // Keep Tab inside the dialog (the browser would otherwise move on to its own toolbar).
      const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
      const first = items[0];
      const last = items.at(-1);
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  });
  dialog.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    if (target === dialog) dialog.close();
    else if (target.closest('a[href]')) {
      // Following a result: focus goes to the new page (or #section), not back to the opener.
      leaving = true;
      dialog.close();
    }
  });
  dialog.querySelector('[data-close]')!.addEventListener('click', () => dialog.close());

  const search = setupDialogSearch(dialog);
  await styled;
  return {
    /** Opens the dialog; `typed` is what the reader typed while it loaded, searched at once. */
    open(from: HTMLElement | null, typed = '') {
      if (dialog.open) return;
      opener = from;
      leaving = false;
      dialog.showModal();
      input.focus();
      if (typed) {
        input.value = typed;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      } else input.select();
      search.warm();
      if (!input.value) search.showHistory();
    },
  };
}

/** Connects the dialog's input to the search and words its states. */
function setupDialogSearch(root: HTMLElement) {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[type=search]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const results = root.querySelector<HTMLElement>('[data-results]')!;
  const after = root.querySelector<HTMLElement>('[data-after]')!;
  const correction = root.querySelector<HTMLElement>('[data-correction]')!;
  let shownFor: string | undefined;

  /** With nothing typed, the dialog offers the reader's recent searches and pages. */
  const showHistory = () => {
    const history = renderHistory(
      (query) => searchHref({ q: query }),
      () => {
        after.replaceChildren();
        input.focus();
      },
      3,
    );
    after.replaceChildren(...(history ? [history] : []));
  };

  const onOutcome = (outcome: SearchOutcome) => {
    after.replaceChildren();
    shownFor = outcome.type === 'results' ? cleanQuery(input.value).query : undefined;
    results.hidden = outcome.type !== 'results';
    showCorrection(correction, outcome.type === 'results' ? outcome.correction : undefined, () => void search.runAsTyped());
    switch (outcome.type) {
      case 'empty':
        status.textContent = '';
        showHistory();
        break;
      case 'short':
        status.textContent = '';
        break;
      case 'results':
        status.textContent =
          describeResults(outcome.count + outcome.answers, { query: outcome.query, kind: '', topic: '' }) + describeUnsaved(outcome.unsaved) + truncatedNote(outcome.truncated);
        after.append(
          paragraph(
            link(
              outcome.count > outcome.shown ? `Show all ${outcome.count} results` : 'Filter these results by kind and topic',
              searchHref({ q: outcome.query }),
            ),
          ),
        );
        break;
      case 'none':
        status.textContent = `${describeResults(0, { query: outcome.query, kind: '', topic: '' })}${truncatedNote(outcome.truncated)} Try fewer or other words, or browse instead:`;
        after.append(browse());
        break;
      case 'error':
        status.textContent = 'Search could not load. Check your connection and reload the page, or browse instead:';
        after.append(browse());
        break;
    }
  };

  const search = attachSearch({
    input,
    results,
    pageSize: 5,
    maxSections: 2,
    onOutcome,
    onWaiting: () => {
      status.textContent = 'Loading the search index…';
    },
  });

  // Enter opens the first result shown for what is in the box; otherwise the form goes to the
  // search page (its action), which also works before this script has loaded.
  form.addEventListener('submit', (event) => {
    const first = results.querySelector<HTMLAnchorElement>('a[href]');
    if (first && shownFor !== undefined && shownFor === cleanQuery(input.value).query) {
      event.preventDefault();
      first.click();
    }
  });

  return { ...search, showHistory };
}

function truncatedNote(truncated: boolean): string {
  return truncated ? ` Only the first ${MAX_QUERY_LENGTH} characters were searched.` : '';
}

function browse(): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'search-suggestions';
  for (const [label, href] of [
    ['All topics', '/topics/'],
    ['Guides', '/guides/'],
    ['Glossary', '/reference/glossary/'],
    ['Search page with filters', '/search/'],
  ] as const) {
    const item = document.createElement('li');
    item.append(link(label, href));
    list.append(item);
  }
  return list;
}

function paragraph(...children: Node[]): HTMLParagraphElement {
  const p = document.createElement('p');
  p.append(...children);
  return p;
}

function link(text: string, href: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}
