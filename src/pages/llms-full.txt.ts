/** /llms-full.txt: every article's Markdown version in one file (src/lib/llms-txt.ts). */
import type { APIRoute } from 'astro';
import { getArticles } from '../lib/articles.ts';
import { llmsFullTxt } from '../lib/llms-txt.ts';
import { markdownOfAll } from '../lib/markdown-data.ts';
import { textFile } from '../lib/text-file.ts';

export const GET: APIRoute = async () => textFile(llmsFullTxt(await markdownOfAll(await getArticles())), 'text/plain');
