import type { APIRoute, GetStaticPaths } from 'astro';
import { knownWordBuckets } from '../../../lib/search-data.ts';
import { KNOWN_BUCKET_IDS } from '../../../lib/spelling.ts';

/** The site's words whose first three letters hash to `bucket`, sorted: the check that a query needs no correction (src/lib/spelling.ts). */
// Every bucket has a file, empty or not: a query's file is never missing.
export const getStaticPaths = (() => KNOWN_BUCKET_IDS.map((bucket) => ({ params: { bucket } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => Response.json((await knownWordBuckets())[params.bucket!] ?? []);
