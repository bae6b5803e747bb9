import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { changesSchema, MANIFEST_FILES, xenManifestSchema, type XenChanges, type XenManifest } from '../../schemas/xen-manifest.ts';

/** The manifests of a content folder: the documented tree, the one before it, what changed. */
export interface SourceManifests {
  /** The tree the site documents (3.4). */
  current: XenManifest;
  /** The tree before it (3.3), to say that something was removed. */
  previous?: XenManifest;
  /** What changed between the two, with commits. */
  changes?: XenChanges;
}

/** The manifests `npm run extract:xen` wrote into a folder (<content>/source/), if there are any. */
export function readManifests(dir: string): SourceManifests | undefined {
  const load = (name: string): unknown => {
    const file = path.join(dir, name);
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  };
  const current = load(MANIFEST_FILES.current);
  if (!current) return undefined;
  const previous = load(MANIFEST_FILES.previous);
  const changes = load(MANIFEST_FILES.changes);
  return {
    current: xenManifestSchema.parse(current),
    previous: previous === undefined ? undefined : xenManifestSchema.parse(previous),
    changes: changes === undefined ? undefined : changesSchema.parse(changes),
  };
}

/** The URL of a line, or of the lines `line` to `last`, of the tree a manifest describes. */
export function sourceUrl(manifest: XenManifest, file: string, line?: number, last?: number): string {
  const anchor = line ? `#L${line}${last ? `-L${last}` : ''}` : '';
  return `https://github.com/xen-project/xen/blob/${manifest.tree.commit}/${file}${anchor}`;
}

/** The URL of a commit. */
export function commitUrl(commit: string): string {
  return `https://github.com/xen-project/xen/commit/${commit}`;
}
