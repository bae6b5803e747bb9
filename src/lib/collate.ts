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

/** The articles before and after one in its section's reading order. */
export function prevNext<T extends ArticleLike>(articles: readonly T[], id: string): { prev?: T; next?: T } {
  const current = articles.find((a) => a.id === id);
  if (!current) return {};
  const section = sortArticles(articles.filter((a) => a.data.kind === current.data.kind));
  const index = section.findIndex((a) => a.id === id);
  return { prev: section[index - 1], next: section[index + 1] };
}

/**
 * Related articles: the ones the author named first, then others sharing the most topics, up to
 * `limit`. Never the article itself.
 */
export function relatedArticles<T extends ArticleLike>(articles: readonly T[], id: string, limit = 4): T[] {
  const current = articles.find((a) => a.id === id);
  if (!current) return [];
  const named = current.data.related.map((r) => (typeof r === 'string' ? r : r.id));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const picked = named.map((n) => byId.get(n)).filter((a): a is T => a !== undefined && a.id !== id);
  if (picked.length >= limit) return picked.slice(0, limit);
  const topics = new Set(current.data.topics);
  const others = sortArticles(articles)
    .filter((a) => a.id !== id && !picked.includes(a))
    .map((a) => ({ a, shared: a.data.topics.filter((t) => topics.has(t)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((x, y) => y.shared - x.shared);
  return [...picked, ...others.map(({ a }) => a)].slice(0, limit);
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
