/** /llms.txt: what the site is, and a link to every article's Markdown version (src/lib/llms-txt.ts). */
import type { APIRoute } from 'astro';
import { getArticles } from '../lib/articles.ts';
import { llmsTxt } from '../lib/llms-txt.ts';
import { textFile } from '../lib/text-file.ts';

export const GET: APIRoute = async () =>
  textFile(llmsTxt(await getArticles()), 'text/plain');
