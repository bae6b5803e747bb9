/**
 * The Markdown version of every article (`/guides/boot-xen.md`), for tools and language models.
 * The conversion is src/lib/article-markdown.ts.
 */
import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { getArticles, getContentFingerprint } from '../../lib/articles.ts';
import { markdownOf } from '../../lib/markdown-data.ts';
import { pageCacheKey } from '../../lib/page-cache.ts';
import { splitId } from '../../lib/paths.ts';
import { textFile } from '../../lib/text-file.ts';

export async function getStaticPaths() {
  const fingerprint = await getContentFingerprint();
  // Made from the article's file, not rendered: Astro does not track it, so its body is in the key.
  return (await getArticles()).map((article) => ({
    params: splitId(article.id),
    props: { article },
    cacheKey: pageCacheKey(fingerprint, article.id, article.body),
  }));
}

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
  textFile(await markdownOf(props.article), 'text/markdown');
