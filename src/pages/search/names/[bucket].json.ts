import type { APIRoute, GetStaticPaths } from 'astro';
import { NAME_BUCKET_IDS } from '../../../lib/name-index.ts';
import { nameBuckets } from '../../../lib/search-data.ts';

/** The exact names that hash to `bucket`, for the search's direct answers (src/lib/name-index.ts). */
// Every bucket has a file, empty or not: a query's file is never missing.
export const getStaticPaths = (() => NAME_BUCKET_IDS.map((bucket) => ({ params: { bucket } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => Response.json((await nameBuckets())[params.bucket!] ?? []);
