/**
 * Client-side search shared by the dialog and the search page. Loaded only when a reader starts
 * searching; it loads Pagefind's own search API (/pagefind/pagefind.js, its WASM, index chunks
 * and fragments) and renders the results.
 *
 * Why a renderer of our own rather than Pagefind's Component UI (pagefind-component-ui.js) or
 * Modular UI, both of which we evaluated (Pagefind 1.6):
 * - Size. The Component UI is 184 KB of JS and 42 KB of CSS (about 47 KB gzip) on top of the
 *   search runtime; a cold query must stay within 150 KB gzip in all and measures about 130 KB
 *   with this renderer (a few KB). With the Component UI it would be over budget.
 * - It resets itself with `all: initial` and takes colours only through --pf-* variables; our
 *   results use the site's own tokens, badges and focus ring in both themes.
 * - It does meet the rest (focus trap, Esc, arrow keys, live count, a configurable debounce, no
 *   eval or inline scripts), which is why the dialog below follows the same behaviour.
 * - The site's needs beyond it: kind badges, the no-result and error states that suggest where
 *   to go next, filters kept in the search page URL with native <select>s, the header link that
 *   works without JavaScript, and highlight links that leave out one-letter words.
 * - The Modular UI is a thin event layer (input debounce, result list, summary) without sub-
 *   results, a live count or error handling, so it would not remove any of the code below.
 * What we do use from Pagefind: the search API (ranking, meta weights, filters, excerpts with
 * <mark>, sub-results per heading) and, on article pages, its highlight script.
 *
 * Queries are never turned into markup: results are built with DOM nodes and text, and only
 * Pagefind's <mark> survives from an excerpt (see excerptParts).
 *
 * Speed and bytes: every keystroke searches at once (no debounce; the stock UIs wait 150–300 ms),
 * and a newer search discards an older one. Only the details of the results (Pagefind's
 * fragments, a few KB per page) wait until the reader has paused for SETTLE_MS, so fast typing
 * does not fetch the fragments of every half-typed word; results still show well within 150 ms
 * of the last keystroke (scripts/bench/search.ts measures it).
 */
import resultsCss from '../components/search/search-results.css?url';
import { loadStylesheet } from './load-stylesheet.ts';
import { rememberSearch } from './search-history.ts';
import { MIN_QUERY_LENGTH, PAGEFIND_OPTIONS, cleanQuery, excerptParts, withHighlight } from '../lib/search-query.ts';
import { allKnown, bucketsFor, correctQuery, knownBucketsFor, vocabulary, type Vocabulary } from '../lib/spelling.ts';
import { answersFit, exactAnswers, nameBucket, parseNameQuery, type NameEntry } from '../lib/name-index.ts';
import { KINDS } from '../schemas/kinds.ts';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
}
/** The part of Pagefind's search API the site uses. */
export interface Pagefind {
  init(): Promise<void>;
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, string[]> }): Promise<PagefindSearch>;
}

let loading: Promise<Pagefind> | undefined;
let styled: Promise<void> | undefined;

/** Loads and starts Pagefind once per page; a failed start may be retried by the next search. */
export function loadPagefind(): Promise<Pagefind> {
  if (!loading) {
    loading = (async () => {
      const url = '/pagefind/pagefind.js';
      const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
      await pagefind.options(structuredClone(PAGEFIND_OPTIONS));
      await pagefind.init();
      return pagefind;
    })();
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}

/** How long the reader must pause before a search fetches its results' details. */
const SETTLE_MS = 70;

/** The build's small JSON files (exact names, vocabulary), fetched once each; missing ones count as empty. */
const jsonFiles = new Map<string, Promise<unknown[]>>();
function loadList(url: string): Promise<unknown[]> {
  let file = jsonFiles.get(url);
  if (!file) {
    file = fetch(url)
      .then((response) => (response.ok ? (response.json() as Promise<unknown[]>) : []))
      .catch(() => []);
    jsonFiles.set(url, file);
  }
  return file;
}

/** The rows a query names exactly (src/lib/name-index.ts). */
async function answersFor(query: string): Promise<NameEntry[]> {
  const wanted = parseNameQuery(query);
  if (!wanted) return [];
  return exactAnswers(query, (await loadList(`/search/names/${nameBucket(wanted.key)}.json`)) as NameEntry[]);
}

/** Word lists from one folder of the build's spelling files (src/pages/search/), by bucket. */
async function wordLists(folder: 'known' | 'vocabulary', buckets: readonly string[]): Promise<Map<string, Vocabulary>> {
  const lists = new Map<string, Vocabulary>();
  await Promise.all(buckets.map(async (bucket) => lists.set(bucket, vocabulary((await loadList(`/search/${folder}/${bucket}.json`)) as string[]))));
  return lists;
}

/**
 * The query with its unknown words corrected (src/lib/spelling.ts). The small known-word files
 * settle most queries; a letter's vocabulary is loaded only for a word they do not know.
 */
async function corrected(query: string): Promise<string | undefined> {
  const known = await wordLists('known', knownBucketsFor(query));
  if (allKnown(query, (bucket) => known.get(bucket))) return undefined;
  const letters = await wordLists('vocabulary', bucketsFor(query));
  const result = correctQuery(query, (bucket) => letters.get(bucket));
  return result.corrected ? result.query : undefined;
}

/** A query searched with its misspelt words corrected: what was typed, what was searched. */
export interface Correction {
  typed: string;
  searched: string;
}

/** What a search came to, for the page or dialog to word its status and extras. */
export type SearchOutcome =
  | { type: 'empty' }
  | { type: 'short' }
  | {
      type: 'results';
      query: string;
      truncated: boolean;
      count: number;
      /** Results rendered or skipped so far: where "more" goes on from. */
      shown: number;
      correction?: Correction;
      answers: number;
      /** Results skipped because their text is not saved on this device and there is no network (a site that saves pages as they are read). */
      unsaved: number;
    }
  | { type: 'none'; query: string; truncated: boolean }
  | { type: 'error'; query: string };

interface SearchUi {
  input: HTMLInputElement;
  /** The list the results go into. */
  results: HTMLElement;
  /** How many results to render at first and per "more". */
  pageSize: number;
  /** Wraps each title in a heading of this level (the search page), or in a plain paragraph. */
  headingLevel?: 2 | 3;
  /** How many matching sections to list under a result. */
  maxSections: number;
  /** Pagefind filters to apply, e.g. { kind: ['Guide'] }. */
  filters?: () => Record<string, string[]>;
  /** Lists every article matching the filters when the query is empty (the search page). */
  browseWithoutQuery?: boolean;
  /** Called when a search has been rendered (or failed, or was cleared). */
  onOutcome(outcome: SearchOutcome): void;
  /** Called when the search is slow to start (Pagefind still loading). */
  onWaiting?(): void;
}

let ids = 0;

/**
 * The details of some results: what loaded, and how many did not. On a site that saves pages as
 * they are read (the offline status's data-mode="shell"), a result whose text (Pagefind's
 * fragment) was never fetched cannot be shown without a network, while the index still finds it:
 * the others are shown and the rest counted. With no network at all, a text that was never saved
 * is not even asked for, so no request fails. Otherwise a failure is an error, as it always was.
 */
async function resultDetails(results: PagefindResult[]): Promise<{ data: PagefindResultData[]; unsaved: number }> {
  const savedPageByPage = document.querySelector<HTMLElement>('offline-status')?.dataset.mode === 'shell';
  const wanted = savedPageByPage && !navigator.onLine ? await savedOnly(results) : results;
  const settled = await Promise.allSettled(wanted.map((result) => result.data()));
  const data = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed && !savedPageByPage) throw failed.reason;
  return { data, unsaved: results.length - data.length };
}

/** The results whose text the service worker has saved: Pagefind fetches it from /pagefind/fragment/<result id>.pf_fragment. */
async function savedOnly(results: PagefindResult[]): Promise<PagefindResult[]> {
  if (!('caches' in window)) return results;
  const saved = await Promise.all(results.map((result) => caches.match(`/pagefind/fragment/${result.id}.pf_fragment`)));
  return results.filter((_, index) => saved[index]);
}

/** Wires an input to Pagefind: searches on every keystroke and renders the newest results. */
export function attachSearch(ui: SearchUi) {
  let generation = 0;
  let lastInput = 0;
  let current: { query: string; results: PagefindResult[]; shown: number; truncated: boolean; unsaved: number } | undefined;
  /** A query the reader asked to search as typed ("search for … instead"). */
  let asTyped: string | undefined;

  const run = async () => {
    const mine = ++generation;
    const { query: typed, truncated } = cleanQuery(ui.input.value);
    let query = typed;
    const filters = ui.filters?.() ?? {};
    if (!query && !(ui.browseWithoutQuery && Object.keys(filters).length)) {
      current = undefined;
      ui.results.replaceChildren();
      ui.onOutcome({ type: 'empty' });
      return;
    }
    if (query && Array.from(query).length < MIN_QUERY_LENGTH) {
      current = undefined;
      ui.results.replaceChildren();
      ui.onOutcome({ type: 'short' });
      return;
    }
    const waiting = ui.onWaiting && setTimeout(() => mine === generation && ui.onWaiting?.(), 300);
    try {
      styled ??= loadStylesheet(resultsCss);
      const [pagefind, fixed] = await Promise.all([
        loadPagefind(),
        query && asTyped !== query ? corrected(query) : undefined,
        styled,
      ]);
      if (mine !== generation) return;
      const correction = fixed ? { typed: query, searched: fixed } : undefined;
      if (fixed) query = fixed;
      const found = await pagefind.search(query || null, { filters });
      if (mine !== generation) return;
      const pause = lastInput + SETTLE_MS - performance.now();
      if (pause > 0) {
        await new Promise((resolve) => setTimeout(resolve, pause));
        if (mine !== generation) return;
      }
      // Exact names are looked up with the results' details, once the reader has paused (a
      // half-typed word names nothing), and for the words searched: a corrected misspelling of a
      // name is answered by its row too.
      const slice = found.results.slice(0, ui.pageSize);
      const [{ data, unsaved }, answers] = await Promise.all([
        resultDetails(slice),
        query && answersFit(filters, KINDS.reference.label) ? answersFor(query) : [],
      ]);
      if (mine !== generation) return;
      current = { query, results: found.results, shown: slice.length, truncated, unsaved };
      ui.results.replaceChildren(...answers.map((answer) => renderAnswer(answer, ui)), ...data.map((d) => renderResult(d, query, ui)));
      ui.onOutcome(
        found.results.length || answers.length
          ? { type: 'results', query, truncated, count: found.results.length, shown: slice.length, correction, answers: answers.length, unsaved }
          : { type: 'none', query: typed, truncated },
      );
    } catch (error) {
      if (mine !== generation) return;
      console.info('Search failed:', error);
      current = undefined;
      ui.results.replaceChildren();
      ui.onOutcome({ type: 'error', query });
    } finally {
      if (waiting) clearTimeout(waiting);
    }
  };

  /** Renders the next page of results; returns the first new link, to move focus to. */
  const more = async (): Promise<HTMLAnchorElement | undefined> => {
    if (!current) return undefined;
    const mine = generation;
    const { query, results, shown } = current;
    const slice = results.slice(shown, shown + ui.pageSize);
    const { data, unsaved } = await resultDetails(slice);
    if (mine !== generation || !current) return undefined;
    const items = data.map((d) => renderResult(d, query, ui));
    ui.results.append(...items);
    current.shown += slice.length;
    current.unsaved += unsaved;
    ui.onOutcome({ type: 'results', query, truncated: current.truncated, count: results.length, shown: current.shown, answers: 0, unsaved: current.unsaved });
    return items[0]?.querySelector('a') ?? undefined;
  };

  ui.input.addEventListener('input', () => {
    lastInput = performance.now();
    void run();
  });
  // A search the reader acted on is one worth offering again.
  ui.results.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('a[href]')) rememberSearch(cleanQuery(ui.input.value).query);
  });
  /** Searches the words exactly as typed, without correcting them. */
  const runAsTyped = () => {
    asTyped = cleanQuery(ui.input.value).query;
    return run();
  };
  /** Starts loading Pagefind and the result styles before the first keystroke. */
  const warm = () => {
    styled ??= loadStylesheet(resultsCss);
    void loadPagefind().catch(() => undefined);
  };
  ui.input.addEventListener('focus', warm, { once: true });
  moveWithArrows(ui.input, ui.results);
  return { run, more, warm, runAsTyped };
}

/**
 * Arrow keys move between the input and the result links (Enter then opens one, as links do);
 * typing while on a result goes back to the input, so the query can be changed at once.
 */
function moveWithArrows(input: HTMLInputElement, results: HTMLElement) {
  const links = () => [...results.querySelectorAll<HTMLAnchorElement>('a[href]')];
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return;
    const first = links()[0];
    if (!first) return;
    event.preventDefault();
    first.focus();
  });
  results.addEventListener('keydown', (event) => {
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    let next: HTMLElement | undefined;
    if (event.key === 'ArrowDown') next = all[index + 1];
    else if (event.key === 'ArrowUp') next = index === 0 ? input : all[index - 1];
    else if (event.key === 'Home') next = all[0];
    else if (event.key === 'End') next = all.at(-1);
    else if (event.key === '/' ) {
      event.preventDefault();
      input.focus();
      input.select();
      return;
    } else if (event.key.length === 1 || event.key === 'Backspace') {
      // Focus moves before the key's default action, so the character lands in the input.
      input.focus();
      return;
    } else return;
    event.preventDefault();
    next?.focus();
  });
}

/** A direct answer: the row that defines the exact name typed, first in the list. */
function renderAnswer(answer: NameEntry, { headingLevel }: Pick<SearchUi, 'headingLevel'>): HTMLLIElement {
  const item = element('li', 'search-result search-answer');
  const heading = element(headingLevel ? `h${headingLevel}` : 'p', 'search-result-title');
  const link = element('a', 'search-result-link');
  link.href = answer.url;
  const name = element('code', 'search-answer-name');
  name.textContent = answer.name;
  link.append(name);
  const id = `sr${++ids}`;
  const kind = element('span', 'search-result-kind');
  kind.id = `${id}-kind`;
  kind.textContent = answer.kind;
  const meaning = element('p', 'search-result-excerpt');
  meaning.id = `${id}-meaning`;
  meaning.textContent = answer.meaning;
  link.setAttribute('aria-describedby', `${kind.id} ${meaning.id}`);
  heading.append(link, ' ', kind);
  item.append(heading, meaning);
  return item;
}

function renderResult(data: PagefindResultData, query: string, { headingLevel, maxSections }: Pick<SearchUi, 'headingLevel' | 'maxSections'>): HTMLLIElement {
  const id = `sr${++ids}`;
  const title = data.meta.title ?? data.url;
  const item = element('li', 'search-result');

  const link = element('a', 'search-result-link');
  link.href = withHighlight(data.url, query);
  link.textContent = title;
  const described: string[] = [];
  const heading = element(headingLevel ? `h${headingLevel}` : 'p', 'search-result-title');
  heading.append(link);
  item.append(heading);

  if (data.meta.kind) {
    const kind = element('span', 'search-result-kind');
    kind.id = `${id}-kind`;
    kind.textContent = data.meta.kind;
    heading.append(' ', kind);
    described.push(kind.id);
  }
  if (data.excerpt) {
    const excerpt = element('p', 'search-result-excerpt');
    excerpt.id = `${id}-excerpt`;
    excerpt.append(...excerptNodes(data.excerpt));
    item.append(excerpt);
    described.push(excerpt.id);
  }
  if (described.length) link.setAttribute('aria-describedby', described.join(' '));

  const page = data.url.split('#')[0];
  const sections = data.sub_results.filter((sub) => sub.url.includes('#') && sub.url.split('#')[0] === page).slice(0, maxSections);
  if (sections.length) {
    const list = element('ul', 'search-subresults');
    list.setAttribute('aria-label', `Matching sections of ${title}`);
    sections.forEach((sub, n) => {
      const subItem = element('li', 'search-subresult');
      const subLink = element('a', 'search-subresult-link');
      subLink.href = withHighlight(sub.url, query);
      subLink.textContent = sub.title;
      subItem.append(subLink);
      if (sub.excerpt && sub.excerpt !== data.excerpt) {
        const subExcerpt = element('p', 'search-subresult-excerpt');
        subExcerpt.id = `${id}-s${n}`;
        subExcerpt.append(...excerptNodes(sub.excerpt));
        subLink.setAttribute('aria-describedby', subExcerpt.id);
        subItem.append(subExcerpt);
      }
      list.append(subItem);
    });
    item.append(list);
  }
  return item;
}

function excerptNodes(excerpt: string): Node[] {
  return excerptParts(excerpt).map(({ text, marked }) => {
    if (!marked) return document.createTextNode(text);
    const mark = document.createElement('mark');
    mark.textContent = text;
    return mark;
  });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K];
function element(tag: string, className: string): HTMLElement;
function element(tag: string, className: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

/**
 * Shows "Showing results for <searched>. Search for <typed> instead" in `box`, or hides it; the
 * button searches the words as typed.
 */
export function showCorrection(box: HTMLElement, correction: Correction | undefined, searchAsTyped: () => void) {
  box.replaceChildren();
  box.hidden = !correction;
  if (!correction) return;
  const searched = document.createElement('strong');
  searched.textContent = correction.searched;
  const instead = document.createElement('button');
  instead.type = 'button';
  instead.className = 'search-correction-instead';
  instead.textContent = correction.typed;
  instead.addEventListener('click', searchAsTyped);
  box.append('Showing results for ', searched, '. Search for ', instead, ' instead.');
}
