import type { APIRoute, GetStaticPaths } from 'astro';
import { vocabularyBuckets } from '../../../lib/search-data.ts';
import { BUCKETS } from '../../../lib/spelling.ts';

/** The site's words that start with `letter`, most frequent first, for typo correction (src/lib/spelling.ts). */
// Every letter has a file, empty or not: a query's file is never missing.
export const getStaticPaths = (() => BUCKETS.map((letter) => ({ params: { letter } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => Response.json((await vocabularyBuckets())[params.letter!] ?? []);
