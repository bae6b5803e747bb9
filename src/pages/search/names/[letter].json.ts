import type { APIRoute, GetStaticPaths } from 'astro';
import { nameBuckets } from '../../../lib/search-data.ts';
import { BUCKETS } from '../../../lib/spelling.ts';

/** Exact names whose first letter is `letter`, for the search's direct answers (src/lib/name-index.ts). */
// Every letter has a file, empty or not: a query's file is never missing.
export const getStaticPaths = (() => BUCKETS.map((letter) => ({ params: { letter } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => Response.json((await nameBuckets())[params.letter!] ?? []);
