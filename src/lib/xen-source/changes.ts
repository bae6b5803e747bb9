import type { ChangeCategory, XenChange, XenManifest } from '../../schemas/xen-manifest.ts';
import { XM_CREATE } from './domain-config.ts';

/** The names of one category of a manifest. */
export function namesOf(manifest: XenManifest, category: ChangeCategory): string[] {
  switch (category) {
    case 'bootOptions':
      return manifest.bootOptions.map((option) => option.name);
    case 'xenpm':
      return manifest.xenpm.map((command) => command.name);
    case 'xm':
      return manifest.xm.map((command) => command.name);
    case 'domainConfig':
      return manifest.domainConfig.map((key) => key.name);
    case 'xendConfig':
      return manifest.xendConfig.map((key) => key.key);
  }
}

const CATEGORIES: ChangeCategory[] = ['bootOptions', 'xenpm', 'xm', 'domainConfig', 'xendConfig'];

/** Names added and removed between two manifests, category by category, sorted by name. */
export function diffManifests(from: XenManifest, to: XenManifest): XenChange[] {
  const changes: XenChange[] = [];
  for (const category of CATEGORIES) {
    const before = new Set(namesOf(from, category));
    const after = new Set(namesOf(to, category));
    for (const name of [...after].filter((n) => !before.has(n)).sort()) changes.push({ category, name, change: 'added' });
    for (const name of [...before].filter((n) => !after.has(n)).sort()) changes.push({ category, name, change: 'removed' });
  }
  return changes;
}

/**
 * What to search the history for, and where, to find the commit behind a change: the first
 * needle the history knows is used. A domain configuration key is looked for in its
 * `gopts.var(...)` declaration, then, for the keys configure_hvm() passes to xend without
 * declaring them (xen_extended_power_mgmt), as a quoted name anywhere in create.py.
 */
export function needlesOf(change: Pick<XenChange, 'category' | 'name'>): { text: string; paths: string[] }[] {
  switch (change.category) {
    case 'bootOptions':
      return [{ text: `_param("${change.name}"`, paths: ['xen/'] }];
    case 'xenpm':
      return [{ text: `"${change.name}"`, paths: ['tools/misc/xenpm.c'] }];
    case 'xm':
      return [{ text: `'${change.name}'`, paths: ['tools/python/xen/xm/main.py'] }];
    case 'domainConfig':
      return [
        { text: `gopts.var('${change.name}'`, paths: [XM_CREATE] },
        { text: `'${change.name}'`, paths: [XM_CREATE] },
      ];
    case 'xendConfig':
      return [{ text: `(${change.name} `, paths: ['tools/examples/xend-config.sxp'] }];
  }
}

/**
 * Runs `git log -S` for a needle between two commits: the commits that changed how often the
 * text occurs, newest first, as [id, subject] pairs.
 */
export type PickaxeLog = (needle: string, paths: string[]) => [string, string][];

/**
 * Adds to each change the commit that made it: for an addition the oldest commit in the range
 * that changed the needle's count (where it first appeared), for a removal the newest (where
 * it finally went), with the older ones that changed it too (where it went from one architecture
 * before another). Changes the history cannot explain keep no commit.
 */
export function withCommits(changes: XenChange[], log: PickaxeLog): XenChange[] {
  return changes.map((change) => {
    let commits: [string, string][] = [];
    for (const { text, paths } of needlesOf(change)) {
      commits = log(text, paths);
      if (commits.length) break;
    }
    const pick = change.change === 'added' ? commits.at(-1) : commits[0];
    if (!pick) return change;
    const also = change.change === 'removed' ? commits.slice(1).map(([commit, subject]) => ({ commit, subject })) : [];
    return { ...change, commit: pick[0], subject: pick[1], ...(also.length ? { also } : {}) };
  });
}
