import path from 'node:path';
import { CONTENT_DIR } from '../paths.ts';
import { readManifests, type SourceManifests } from './manifests.ts';

let cached: SourceManifests | undefined;

/** The site's manifests (content/source/), read once per build. */
export function siteManifests(): SourceManifests {
  cached ??= readManifests(path.join(CONTENT_DIR, 'source'));
  if (!cached) throw new Error(`${CONTENT_DIR}/source/xen-3.4.json is missing: run npm run extract:xen (see README).`);
  return cached;
}
