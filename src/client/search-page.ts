/**
 * The /search/ page: the query and the kind and topic filters live in the URL
 * (/search/?q=cpufreq&kind=guide&topic=power), so a search can be shared and opened from a link.
 */
import { attachSearch, showCorrection, type SearchOutcome } from './search-client.ts';
import { renderHistory } from './search-history.ts';
import { IDLE_PROMPT, MAX_QUERY_LENGTH, cleanQuery, describeResults, describeUnsaved, pagefindFilters, readSearchState, searchHref, type SearchState } from '../lib/search-query.ts';

/** Connects the search page's form to the search and keeps the URL in step. */
export function setupSearchPage(root: HTMLElement) {
  const form = root.querySelector('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const kind = form.querySelector<HTMLSelectElement>('select[name=kind]')!;
  const topic = form.querySelector<HTMLSelectElement>('select[name=topic]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const results = root.querySelector<HTMLElement>('[data-results]')!;
  const moreWrap = root.querySelector<HTMLElement>('[data-more-wrap]')!;
  const moreButton = root.querySelector<HTMLButtonElement>('[data-more]')!;
  const clearWrap = root.querySelector<HTMLElement>('[data-clear-filters-wrap]')!;
  const suggestions = root.querySelector<HTMLElement>('[data-suggestions]')!;
  const correction = root.querySelector<HTMLElement>('[data-correction]')!;
  const historyBox = root.querySelector<HTMLElement>('[data-history]')!;
  const showHistory = (show: boolean) => {
    const history =
      show &&
      renderHistory(
        (q) => searchHref({ q }),
        () => {
          historyBox.replaceChildren();
          input.focus();
        },
        2,
      );
    historyBox.replaceChildren(...(history ? [history] : []));
  };
  const baseTitle = document.title;

  const state = (): SearchState => readSearchState(new URLSearchParams({ q: input.value, kind: kind.value, topic: topic.value }));

  const initial = readSearchState(new URL(location.href).searchParams);
  input.value = initial.q;
  kind.value = initial.kind;
  topic.value = initial.topic;

  const onOutcome = (outcome: SearchOutcome) => {
    const { kind: k, topic: t } = state();
    const filtered = Boolean(k || t);
    // The URL and the title keep what the reader typed, even when a correction was searched.
    const query = cleanQuery(input.value).query;
    showCorrection(correction, outcome.type === 'results' ? outcome.correction : undefined, () => void search.runAsTyped());
    showHistory(outcome.type === 'empty');
    results.hidden = outcome.type !== 'results';
    moreWrap.hidden = !(outcome.type === 'results' && outcome.count > outcome.shown);
    clearWrap.hidden = !(outcome.type === 'none' && filtered);
    suggestions.hidden = outcome.type === 'results';
    const truncated = 'truncated' in outcome && outcome.truncated ? ` Only the first ${MAX_QUERY_LENGTH} characters were searched.` : '';
    switch (outcome.type) {
      case 'empty':
        status.textContent = IDLE_PROMPT;
        break;
      case 'short':
        status.textContent = 'Type at least two characters to search.';
        break;
      case 'results':
        status.textContent = describeResults(outcome.count + outcome.answers, { query: outcome.query, kind: k, topic: t }) + describeUnsaved(outcome.unsaved) + truncated;
        if (outcome.count > outcome.shown) moreButton.textContent = `Show more results (${outcome.shown} of ${outcome.count} shown)`;
        break;
      case 'none':
        status.textContent = `${describeResults(0, { query, kind: k, topic: t })}${truncated} ${
          filtered ? 'Search all kinds and topics, try' : 'Try'
        } fewer or other words, or browse a section or topic below.`;
        break;
      case 'error':
        status.textContent = 'Search could not load, so no results can be shown. Check your connection and reload the page, or browse a section or topic below.';
        break;
    }
    // The URL always says what is on screen, so it can be shared or bookmarked.
    const href = searchHref({ q: query, kind: k, topic: t });
    if (href !== `${location.pathname}${location.search}`) history.replaceState(history.state, '', href);
    document.title = query ? `${query} – ${baseTitle}` : baseTitle;
  };

  // Focus first: the search loads when the reader types or comes back to the box, not with the
  // page, so an empty search page does no WebAssembly work while it loads.
  if (!initial.q) input.focus();
  const search = attachSearch({
    input,
    results,
    pageSize: 10,
    maxSections: 3,
    headingLevel: 2,
    browseWithoutQuery: true,
    filters: () => pagefindFilters(state()),
    onOutcome,
    onWaiting: () => {
      status.textContent = 'Loading the search index…';
    },
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search.run();
  });
  kind.addEventListener('change', () => void search.run());
  topic.addEventListener('change', () => void search.run());
  root.querySelector('[data-clear-filters]')!.addEventListener('click', () => {
    kind.value = '';
    topic.value = '';
    input.focus();
    void search.run();
  });
  moreButton.addEventListener('click', async () => {
    const first = await search.more();
    first?.focus();
  });

  void search.run();
}
