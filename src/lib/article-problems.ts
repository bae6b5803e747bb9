import type { Kind } from '../schemas/kinds.ts';
import { folderMismatch } from './paths.ts';

/** What is wrong across a set of articles: a folder that disagrees with `kind`, a related id that does not exist. */
export function articleProblems(
  articles: readonly { id: string; filePath?: string | undefined; data: { kind: Kind; related: readonly { id: string }[] } }[],
): string[] {
  const ids = new Set(articles.map((a) => a.id));
  const problems: string[] = [];
  for (const article of articles) {
    const where = article.filePath ?? article.id;
    const mismatch = folderMismatch(article.id, article.data.kind);
    if (mismatch) problems.push(`${where}: kind — ${mismatch.message} — ${mismatch.fix}`);
    for (const ref of article.data.related) {
      if (!ids.has(ref.id)) {
        problems.push(`${where}: related — "${ref.id}" is not an article. Use an id such as guides/boot-xen (folder/file name without .mdx).`);
      }
    }
  }
  return problems;
}
