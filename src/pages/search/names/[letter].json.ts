import type { APIRoute, GetStaticPaths } from 'astro';
import { nameBuckets } from '../../../lib/search-data.ts';

/** Exact names whose first letter is `letter`, for the search's direct answers (src/lib/name-index.ts). */
export const getStaticPaths = (async () => Object.keys(await nameBuckets()).map((letter) => ({ params: { letter } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => Response.json((await nameBuckets())[params.letter!] ?? []);
