import { xenManifestSchema, type XenManifest } from '../../schemas/xen-manifest.ts';
import { extractBootOptions } from './boot-options.ts';
import { extractDomainConfig, extractXendConfig, extractXendOptions } from './domain-config.ts';
import { lineCounts, treeAt, type SourceTree } from './tree.ts';
import { extractXenpm } from './xenpm.ts';
import { extractXm } from './xm.ts';

/** The version xen/Makefile builds (`3.4.0-rc4-pre`), from its XEN_* variables. */
export function versionOf(tree: SourceTree): string {
  const makefile = tree.read('xen/Makefile');
  const value = (name: string) => new RegExp(`^\\s*export\\s+${name}\\s*\\??=\\s*(\\S*)`, 'm').exec(makefile)?.[1] ?? '';
  return `${value("XEN_VERSION")}.${value("XEN_SUBVERSION")}${value("XEN_EXTRAVERSION")}`.replace(/\$\([^)]*\)/g, "");
}

/** Reads every fact of the manifest from the tree at `root`. */
export function buildManifest(root: string, tree: { commit: string; name: string }): XenManifest {
  const source = treeAt(root);
  return xenManifestSchema.parse({
    tree: { ...tree, version: versionOf(source) },
    bootOptions: extractBootOptions(source),
    xenpm: extractXenpm(source),
    xm: extractXm(source),
    domainConfig: extractDomainConfig(source),
    xendConfig: extractXendConfig(source),
    xendOptions: extractXendOptions(source),
    files: lineCounts(root, source.list()),
  });
}
