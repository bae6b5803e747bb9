/**
 * The search dialog's results and states, loaded on first use by SearchDialog.astro (whose own
 * script, on every page, only opens and closes the dialog).
 */
import { attachSearch, showCorrection, type SearchOutcome } from './search-client.ts';
import { renderHistory } from './search-history.ts';
import { MAX_QUERY_LENGTH, cleanQuery, describeResults, describeUnsaved, searchHref } from '../lib/search-query.ts';

/** Connects the dialog's input to the search and words its states. */
export function setupDialogSearch(root: HTMLElement) {
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

  // The reader may have typed while this module was loading.
  if (input.value) void search.run();
  else showHistory();
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
