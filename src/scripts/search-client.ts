/**
 * Client-side search shared by the dialog and the search page: loads Pagefind on first use,
 * renders results as DOM nodes (never as HTML from the query) and moves through them with
 * the arrow keys.
 */

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
export interface Pagefind {
  init(): Promise<void>;
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, string[]> }): Promise<PagefindSearch>;
  preload(query: string): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let loading: Promise<Pagefind> | undefined;

/** Loads the Pagefind runtime once per page. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const url = '/pagefind/pagefind.js';
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({ excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  })();
  return loading;
}

/** Pagefind marks matches with <mark>; this keeps only that markup and escapes the rest. */
export function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  const parts = excerpt.split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) {
      const text = document.createTextNode(decodeEntities(part));
      if (marked) {
        const mark = document.createElement('mark');
        mark.append(text);
        nodes.push(mark);
      } else nodes.push(text);
    }
  }
  return nodes;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Result URL with Pagefind's highlight parameter so the target page marks the terms. */
export function withHighlight(url: string, query: string): string {
  const [path, hash] = url.split('#');
  const terms = query.trim().split(/\s+/).filter(Boolean);
  const params = new URLSearchParams();
  for (const term of terms) params.append('pagefind-highlight', term);
  return `${path}?${params}${hash ? `#${hash}` : ''}`;
}

interface AttachOptions {
  input: HTMLInputElement;
  results: HTMLElement;
  status: HTMLElement;
  filters?: () => Record<string, string[]>;
  onQuery?: (query: string) => void;
}

/** Wires an input to Pagefind: searches as the reader types and renders the results. */
export function attachSearch({ input, results, status, filters, onQuery }: AttachOptions) {
  let generation = 0;
  const run = async () => {
    const query = input.value.trim().slice(0, 200);
    const mine = ++generation;
    onQuery?.(query);
    if (!query) {
      results.replaceChildren();
      status.textContent = '';
      return;
    }
    let pagefind: Pagefind;
    try {
      pagefind = await loadPagefind();
    } catch {
      status.textContent = 'Search could not load. Reload the page, or browse the sections from the menu.';
      return;
    }
    const found = await pagefind.search(query, { filters: filters?.() ?? {} });
    const data = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    if (mine !== generation) return;
    results.replaceChildren(...data.map((d) => renderResult(d, query)));
    const count = found.results.length;
    status.textContent =
      count === 0
        ? `No articles match “${query}”. Try fewer or other words, or browse the topics.`
        : `${count} ${count === 1 ? 'article matches' : 'articles match'} “${query}”.`;
  };
  input.addEventListener('input', run);
  input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      results.querySelector<HTMLAnchorElement>('a')?.focus();
    }
  });
  results.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...results.querySelectorAll<HTMLAnchorElement>('a')];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? links[index + 1] : links[index - 1];
    if (next) next.focus();
    else if (event.key === 'ArrowUp') input.focus();
  });
  return run;
}

function renderResult(data: PagefindResultData, query: string): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-result';
  const link = document.createElement('a');
  link.href = withHighlight(data.url, query);
  link.className = 'search-result-link';
  const title = document.createElement('span');
  title.className = 'search-result-title';
  title.textContent = data.meta.title ?? data.url;
  link.append(title);
  if (data.meta.kind) {
    const kind = document.createElement('span');
    kind.className = 'badge badge-kind search-result-kind';
    kind.textContent = data.meta.kind;
    link.append(' ', kind);
  }
  const excerpt = document.createElement('span');
  excerpt.className = 'search-result-excerpt';
  excerpt.append(...excerptNodes(data.excerpt));
  link.append(excerpt);
  li.append(link);
  const subs = data.sub_results.filter((s) => s.url !== data.url && s.url.includes('#')).slice(0, 3);
  if (subs.length) {
    const ul = document.createElement('ul');
    ul.className = 'search-subresults';
    for (const sub of subs) {
      const subLi = document.createElement('li');
      const subLink = document.createElement('a');
      subLink.href = withHighlight(sub.url, query);
      subLink.className = 'search-result-link';
      const subTitle = document.createElement('span');
      subTitle.className = 'search-result-title';
      subTitle.textContent = sub.title;
      const subExcerpt = document.createElement('span');
      subExcerpt.className = 'search-result-excerpt';
      subExcerpt.append(...excerptNodes(sub.excerpt));
      subLink.append(subTitle, subExcerpt);
      subLi.append(subLink);
      ul.append(subLi);
    }
    li.append(ul);
  }
  return li;
}
