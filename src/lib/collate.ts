import type { Kind } from '../schemas/kinds.ts';

/** The parts of an article that listing logic needs. */
export interface ArticleLike {
  id: string;
  data: { title: string; kind: Kind; order: number; topics: readonly string[]; related: readonly (string | { id: string })[] };
}

/** Articles in reading order: by `order`, then title. */
export function sortArticles<T extends ArticleLike>(articles: readonly T[]): T[] {
  return [...articles].sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
}

/**
 * What prevNext and relatedArticles look up in a list, worked out once per list: every article
 * page asks about its own article, and sorting the whole list for each of them was O(n² log n)
 * for the site. A list must not change once asked about, and its ids are unique, as a
 * collection's are.
 */
interface Index<T extends ArticleLike> {
  /** The list in reading order. */
  sorted: T[];
  byId: Map<string, T>;
  /** Each kind's articles in reading order. */
  sections: Map<Kind, T[]>;
  /** Where each article is in its kind's list. */
  position: Map<string, number>;
  /** The first articles sharing a set of topics, most shared first, by limit and topics. */
  sharing: Map<string, T[]>;
}

const indexes = new WeakMap<readonly ArticleLike[], Index<ArticleLike>>();

function indexOf<T extends ArticleLike>(articles: readonly T[]): Index<T> {
  const known = indexes.get(articles) as Index<T> | undefined;
  if (known) return known;
  const sorted = sortArticles(articles);
  const sections = new Map<Kind, T[]>();
  const position = new Map<string, number>();
  for (const article of sorted) {
    const section = sections.get(article.data.kind) ?? [];
    position.set(article.id, section.push(article) - 1);
    sections.set(article.data.kind, section);
  }
  const index: Index<T> = { sorted, byId: new Map(articles.map((a) => [a.id, a])), sections, position, sharing: new Map() };
  indexes.set(articles, index as Index<ArticleLike>);
  return index;
}

/** The articles before and after one in its section's reading order. */
export function prevNext<T extends ArticleLike>(articles: readonly T[], id: string): { prev?: T; next?: T } {
  const { byId, sections, position } = indexOf(articles);
  const current = byId.get(id);
  if (!current) return {};
  // Sorting, then taking one kind, gives the same order as taking the kind and sorting it:
  // the sort is stable.
  const section = sections.get(current.data.kind)!;
  const at = position.get(id)!;
  return { prev: section[at - 1], next: section[at + 1] };
}

/**
 * Related articles: the ones the author named first, then others sharing the most topics, up to
 * `limit`. Never the article itself.
 */
export function relatedArticles<T extends ArticleLike>(articles: readonly T[], id: string, limit = 4): T[] {
  const { sorted, byId, sharing } = indexOf(articles);
  const current = byId.get(id);
  if (!current) return [];
  const named = current.data.related.map((r) => (typeof r === 'string' ? r : r.id));
  const picked = named.map((n) => byId.get(n)).filter((a): a is T => a !== undefined && a.id !== id);
  if (picked.length >= limit) return picked.slice(0, limit);
  // Articles with the same topics share one ranking, kept to its first limit + 1. This article
  // and the ones picked are left out afterwards (the sort is stable, so the order is the same);
  // they are at most picked.length + 1 of those, which leaves the limit - picked.length needed.
  const topics = new Set(current.data.topics);
  const key = `${limit} ${JSON.stringify([...topics].sort())}`;
  let ranked = sharing.get(key);
  if (!ranked) {
    ranked = sorted
      .map((a) => ({ a, shared: a.data.topics.filter((t) => topics.has(t)).length }))
      .filter(({ shared }) => shared > 0)
      .sort((x, y) => y.shared - x.shared)
      .slice(0, limit + 1)
      .map(({ a }) => a);
    sharing.set(key, ranked);
  }
  const others = ranked.filter((a) => a.id !== id && !picked.includes(a));
  return [...picked, ...others].slice(0, limit);
}

/** Articles grouped by topic, each group in reading order. */
export function byTopic<T extends ArticleLike>(articles: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const article of sortArticles(articles)) {
    for (const topic of article.data.topics) {
      const group = groups.get(topic) ?? [];
      group.push(article);
      groups.set(topic, group);
    }
  }
  return groups;
}
