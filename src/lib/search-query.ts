/**
 * Search logic shared by the dialog, the search page, the highlight on article pages and the
 * relevance tests: query clean-up, URL state, filters, result wording and excerpt parsing. No DOM
 * here, so all of it is unit-tested.
 */
import { KINDS, KIND_IDS, type Kind } from '../schemas/kinds.ts';
import { TOPICS, TOPIC_IDS, type TopicId } from '../schemas/topics.ts';

/** Longest query that is searched; a pasted page of text is cut here and the reader is told. */
export const MAX_QUERY_LENGTH = 200;

/** Shortest query that is searched: one letter matches almost every page and loads a large part of the index. */
export const MIN_QUERY_LENGTH = 2;

/** What the search page says before anything is typed (also in its HTML, so nothing shifts). */
export const IDLE_PROMPT = 'Type a word or two above: a command, a feature, an error message or a question.';

/** URL parameter that carries the searched words to the result page, which highlights them. */
export const HIGHLIGHT_PARAM = 'pagefind-highlight';

/**
 * Options every Pagefind instance on the site gets. The relevance tests use the same object, so
 * they rank exactly as readers see. Tuned against tests/e2e/relevance-queries.ts:
 * - termSimilarity 4 (default 1): "xenpm" should find xenpm before xenpmd; Pagefind matches the
 *   last word as a prefix while the reader types, and this ranks whole-word matches higher.
 * - metaWeights.title 10 (default 5): the article title is indexed only as the title meta field
 *   (ArticleLayout.astro keeps the <h1> out of the body text, so excerpts do not repeat it).
 * - metaWeights for the `aka_*` fields, which hold other names of a page's subjects (see
 *   src/components/search/SearchTerms.astro): a match counts most when the page's title names the
 *   thing, less when a section heading starts with it, least when the page only mentions it.
 * The suite passes over a broad range of termFrequency (0.3–1) and pageLength (0.4–0.75), so the
 * defaults are kept for those.
 */
export const PAGEFIND_OPTIONS = {
  // Search on the page's own thread: the index is small, and the worker would add 43 KB (12 KB
  // gzip) to the first query and a start-up of its own (with a console warning if it is slow).
  noWorker: true,
  excerptLength: 22,
  excerptEllipsis: '…',
  ranking: {
    termSimilarity: 4,
    metaWeights: { title: 10, aka_title: 5, aka_headings: 3, aka_body: 1 },
  },
} as const;

/** What the reader asked for: words and filters, as kept in the search page's URL. */
export interface SearchState {
  /** The words, as typed (cleaned with cleanQuery before searching). */
  q: string;
  /** A kind id (`guide`) or '' for all kinds. */
  kind: Kind | '';
  /** A topic id (`power`) or '' for all topics. */
  topic: TopicId | '';
}

/** Collapses whitespace and cuts the query to MAX_QUERY_LENGTH characters (never mid-character). */
export function cleanQuery(raw: string): { query: string; truncated: boolean } {
  const collapsed = raw.replace(/\s+/g, ' ').trim();
  const chars = Array.from(collapsed);
  if (chars.length <= MAX_QUERY_LENGTH) return { query: collapsed, truncated: false };
  return { query: chars.slice(0, MAX_QUERY_LENGTH).join('').trim(), truncated: true };
}

/** Reads ?q=&kind=&topic= from a URL; unknown kinds and topics count as "all". */
export function readSearchState(params: URLSearchParams): SearchState {
  const kind = params.get('kind') ?? '';
  const topic = params.get('topic') ?? '';
  return {
    q: params.get('q') ?? '',
    kind: (KIND_IDS as string[]).includes(kind) ? (kind as Kind) : '',
    topic: (TOPIC_IDS as string[]).includes(topic) ? (topic as TopicId) : '',
  };
}

/** The shareable search page URL for a state, e.g. `/search/?q=xenpm&kind=reference`. */
export function searchHref(state: Partial<SearchState>): string {
  const params = new URLSearchParams();
  const { query } = cleanQuery(state.q ?? '');
  if (query) params.set('q', query);
  if (state.kind) params.set('kind', state.kind);
  if (state.topic) params.set('topic', state.topic);
  const search = params.toString();
  return search ? `/search/?${search}` : '/search/';
}

/**
 * Pagefind filters for a state. The index stores the labels readers see (ArticleLayout writes
 * `kind:Guide`, `topic:Power management`), so the ids in the URL are mapped to labels here.
 */
export function pagefindFilters(state: Pick<SearchState, 'kind' | 'topic'>): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  if (state.kind) filters.kind = [KINDS[state.kind].label];
  if (state.topic) filters.topic = [TOPICS[state.topic].label];
  return filters;
}

/** Describes a result count in a sentence, naming the query and the filters that apply. */
export function describeResults(count: number, state: Pick<SearchState, 'kind' | 'topic'> & { query: string }): string {
  const [one, many] = state.kind ? KIND_NOUNS[state.kind] : ['article', 'articles'];
  const noun = count === 1 ? one : many;
  const about = state.topic ? ` about ${TOPICS[state.topic].label}` : '';
  if (!state.query) return count === 0 ? `There are no ${many}${about}.` : `${count} ${noun}${about}.`;
  if (count === 0) return `No ${many}${about} match “${state.query}”.`;
  return `${count} ${noun}${about} ${count === 1 ? 'matches' : 'match'} “${state.query}”.`;
}

/**
 * What the status adds when some results cannot be shown offline: on a site saved page by page,
 * a result whose text was never fetched needs a connection. Empty when all could be shown.
 */
export function describeUnsaved(unsaved: number): string {
  if (unsaved <= 0) return '';
  return unsaved === 1
    ? ' One of them is not saved on this device, so it cannot be shown until you are back online.'
    : ` ${unsaved} of them are not saved on this device, so they cannot be shown until you are back online.`;
}

const KIND_NOUNS: Record<Kind, [string, string]> = {
  feature: ['feature article', 'feature articles'],
  guide: ['guide', 'guides'],
  comparison: ['comparison', 'comparisons'],
  reference: ['reference page', 'reference pages'],
};

/** A piece of an excerpt: plain text, or text Pagefind marked as matching the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * Splits a Pagefind excerpt into plain and marked text. Pagefind escapes the page text and adds
 * only <mark> and </mark>; everything else is decoded back to text, so nothing in an excerpt can
 * become markup when the parts are rendered as text nodes.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece) {
      const text = decodeEntities(piece);
      const last = parts.at(-1);
      if (last && last.marked === marked) last.text += text;
      else parts.push({ text, marked });
    }
  }
  return parts;
}

function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi, (_m, dec, hex, name) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[String(name).toLowerCase()] ?? '';
  });
}

/**
 * The words worth highlighting on a result page: distinct, at least two characters (a lone "0"
 * or "a" would paint every digit or letter on the page), at most ten.
 */
export function highlightTerms(query: string): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const term of cleanQuery(query).query.split(' ')) {
    const key = term.toLowerCase();
    if (Array.from(term).length < 2 || seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
    if (terms.length === 10) break;
  }
  return terms;
}

/** A result URL that carries the highlight terms, keeping any #fragment at the end. */
export function withHighlight(url: string, query: string): string {
  const hashAt = url.indexOf('#');
  const path = hashAt < 0 ? url : url.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const terms = highlightTerms(query);
  if (!terms.length) return url;
  const params = new URLSearchParams();
  for (const term of terms) params.append(HIGHLIGHT_PARAM, term);
  return `${path}${path.includes('?') ? '&' : '?'}${params}${hash}`;
}

/** The page URL without highlight parameters, for when the reader clears the highlight. */
export function withoutHighlight(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(HIGHLIGHT_PARAM);
  return `${url.pathname}${url.search}${url.hash}`;
}
