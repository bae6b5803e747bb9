import { getCollection, type CollectionEntry } from 'astro:content';
import { folderMismatch, CONTENT_DIR } from './paths.ts';
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
    const ids = new Set(all.map((a) => a.id));
    const problems: string[] = [];
    for (const article of all) {
      const where = article.filePath ?? article.id;
      const mismatch = folderMismatch(article.id, article.data.kind);
      if (mismatch) problems.push(`${where}: kind — ${mismatch}`);
      for (const ref of article.data.related) {
        if (!ids.has(ref.id)) {
          problems.push(`${where}: related — "${ref.id}" is not an article. Use an id such as guides/boot-xen (folder/file name without .mdx).`);
        }
      }
    }
    if (problems.length) throw new Error(`Some articles need fixing:\n  ${problems.join('\n  ')}`);
    return sortArticles(all);
  })();
  return cached;
}

/** When an article last changed: its `updated` field, else its last git commit. */
export function updatedDate(article: Article): Date | undefined {
  return article.data.updated ?? (article.filePath ? lastCommitDate(article.filePath, CONTENT_DIR) : undefined);
}
