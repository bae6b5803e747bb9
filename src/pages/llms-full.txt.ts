/** /llms-full.txt: every article's Markdown version in one file (src/lib/llms-txt.ts). */
import type { APIRoute } from 'astro';
import { articleMarkdown } from '../lib/article-markdown.ts';
import { getArticles } from '../lib/articles.ts';
import { llmsFullTxt } from '../lib/llms-txt.ts';
import { getMarkdownData } from '../lib/markdown-data.ts';
import { textFile } from '../lib/text-file.ts';

export const GET: APIRoute = async () => {
  const data = await getMarkdownData();
  const articles = (await getArticles()).map((article) => ({ article, markdown: articleMarkdown(article, data) }));
  return textFile(llmsFullTxt(articles), 'text/plain');
};
