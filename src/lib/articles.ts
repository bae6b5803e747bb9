import { getCollection, type CollectionEntry } from 'astro:content';
import { CONTENT_DIR } from './paths.ts';
import { articleProblems } from './article-problems.ts';
import { sortArticles } from './collate.ts';
import { lastCommitDate } from './git-dates.ts';

/** An article entry as the content layer returns it. */
export type Article = CollectionEntry<'articles'>;

let cached: Promise<Article[]> | undefined;

/**
 * Every published article, in reading order (drafts too in dev). Fails the build with a
 * message naming the file when an article is in the wrong folder or names a related article
 * that does not exist.
 */
export function getArticles(): Promise<Article[]> {
  cached ??= (async () => {
    const all = await getCollection('articles', (a) => import.meta.env.DEV || !a.data.draft);
    const problems = articleProblems(all);
    if (problems.length) throw new Error(`Some articles need fixing:\n  ${problems.join('\n  ')}`);
    return sortArticles(all);
  })();
  return cached;
}

/** When an article last changed: its `updated` field, else its last git commit. */
export function updatedDate(article: Article): Date | undefined {
  return article.data.updated ?? (article.filePath ? lastCommitDate(article.filePath, CONTENT_DIR) : undefined);
}
