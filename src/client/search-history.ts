/**
 * Recent searches and recently read pages, kept on this device only (localStorage), shown when
 * the search opens empty and cleared with one button. Works offline like the rest of the site.
 * The page side (recording an article as read) is in SearchDialog.astro's small script; the key
 * and the entry shape are defined here and there alike (RECENT_PAGES_KEY).
 */

const SEARCHES_KEY = 'kb:recent-searches';
/** Also written by the script of SearchDialog.astro on every article page. */
export const RECENT_PAGES_KEY = 'kb:recent-pages';
const LIMIT = 6;

/** A page the reader opened: its path and title. */
export interface RecentPage {
  url: string;
  title: string;
}

function read<T>(key: string, valid: (item: unknown) => item is T): T[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(valid).slice(0, LIMIT) : [];
  } catch {
    return []; // storage disabled or a value from elsewhere: no history, nothing breaks
  }
}

function write(key: string, items: unknown[]) {
  try {
    localStorage.setItem(key, JSON.stringify(items.slice(0, LIMIT)));
  } catch {
    /* storage full or disabled: history is a convenience */
  }
}

const isString = (item: unknown): item is string => typeof item === 'string' && item.length > 0;
const isPage = (item: unknown): item is RecentPage =>
  typeof item === 'object' && item !== null && typeof (item as RecentPage).url === 'string' && typeof (item as RecentPage).title === 'string';

/** The reader's recent searches, newest first. */
export function recentSearches(): string[] {
  return read(SEARCHES_KEY, isString);
}

/** Remembers a search the reader acted on (opened a result of). */
export function rememberSearch(query: string) {
  const trimmed = query.trim();
  if (!trimmed) return;
  write(SEARCHES_KEY, [trimmed, ...recentSearches().filter((q) => q.toLowerCase() !== trimmed.toLowerCase())]);
}

/** The pages the reader read most recently, newest first. */
export function recentPages(): RecentPage[] {
  return read(RECENT_PAGES_KEY, isPage);
}

/** Forgets both lists. */
export function clearHistory() {
  try {
    localStorage.removeItem(SEARCHES_KEY);
    localStorage.removeItem(RECENT_PAGES_KEY);
  } catch {
    /* nothing stored */
  }
}

/**
 * The history as the empty search shows it: two short lists and a button that clears them, or
 * nothing when there is none. `searchLink` turns a query into the link that runs it again. The
 * lists' headings are of `level`: 2 on the search page, where they follow its <h1>; 3 in the
 * dialog, under its <h2>.
 */
export function renderHistory(searchLink: (query: string) => string, onClear: () => void, level: 2 | 3): HTMLElement | undefined {
  const searches = recentSearches();
  const pages = recentPages().filter((page) => page.url !== location.pathname);
  if (!searches.length && !pages.length) return undefined;
  const box = document.createElement('div');
  box.className = 'search-history';
  const list = (heading: string, id: string, items: { text: string; href: string }[]) => {
    if (!items.length) return;
    const title = document.createElement(`h${level}`);
    title.id = id;
    title.className = 'search-history-title';
    title.textContent = heading;
    const ul = document.createElement('ul');
    ul.className = 'search-history-list';
    ul.setAttribute('aria-labelledby', id);
    for (const { text, href } of items) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = href;
      a.textContent = text;
      li.append(a);
      ul.append(li);
    }
    box.append(title, ul);
  };
  list('Recent searches', 'search-history-searches', searches.map((q) => ({ text: q, href: searchLink(q) })));
  list('Recently read', 'search-history-pages', pages.map((page) => ({ text: page.title, href: page.url })));
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.className = 'search-history-clear';
  clear.textContent = 'Clear history';
  clear.addEventListener('click', () => {
    clearHistory();
    onClear();
  });
  box.append(clear);
  return box;
}
