import type { APIRoute, GetStaticPaths } from 'astro';
import { vocabularyBuckets } from '../../../lib/search-data.ts';

/** The site's words that start with `letter`, most frequent first, for typo correction (src/lib/spelling.ts). */
export const getStaticPaths = (async () => Object.keys(await vocabularyBuckets()).map((letter) => ({ params: { letter } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => Response.json((await vocabularyBuckets())[params.letter!] ?? []);
