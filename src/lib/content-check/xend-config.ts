import type { ManifestXendOption } from '../../schemas/xen-manifest.ts';
import type { SourceManifests } from '../xen-source/manifests.ts';
import { didYouMean, type Problem } from './problem.ts';
import { blockLines, code, leadingValue, where, type CodeBlock, type ParsedDataFile } from './source-common.ts';

/**
 * The xend-config.sxp rules: the reference rows (content/xend-config.yaml) cover every setting
 * xend's code reads, name only those, and give the code's fallback as the default; and a block
 * an article shows as /etc/xen/xend-config.sxp sets only settings xend reads. The settings come
 * from XendOptions.py through the source manifest, not from the example file, which leaves three
 * out and shows examples where a reader expects defaults.
 */

const XEND_CONFIG_DATA = 'xend-config.yaml';

/** A key xend does not read, in the words both rules use. */
const unread = (key: string, manifests: SourceManifests) =>
  `${code(key)} is not a setting xend reads in Xen 3.4${manifests.previous?.xendOptions.some((option) => option.key === key) ? ' (xend 3.3 read it)' : ''}; xend ignores it`;

/** The default a row must start with, when the code gives a plain one (a number, or a word such as `no`). */
function expectedDefault(option: ManifestXendOption): string | number | undefined {
  if (typeof option.default === 'number') return option.default;
  if (typeof option.default === 'string' && option.default !== '') return option.default;
  return undefined;
}

/** Problems of the rows of content/xend-config.yaml. */
export function checkXendConfigRows(data: ParsedDataFile, manifests: SourceManifests): Problem[] {
  const problems: Problem[] = [];
  const options = new Map(manifests.current.xendOptions.map((option) => [option.key, option]));
  const rows = new Set<string>();
  data.entries.forEach((entry, index) => {
    const row = entry as { key?: unknown; default?: unknown };
    if (typeof row.key !== 'string') return;
    rows.add(row.key);
    const at = (field: string) => ({ file: data.file, ...data.yaml.locate([index, field]) });
    const option = options.get(row.key);
    if (!option) {
      problems.push({ ...at('key'), rule: 'source/unknown-key', message: unread(row.key, manifests), fix: `remove the row${didYouMean(row.key, options.keys(), code)}` });
      return;
    }
    const expected = expectedDefault(option);
    if (expected === undefined || typeof row.default !== 'string') return;
    const first = row.default.trim().replace(/^[`'"(]+/, '');
    const matches = typeof expected === 'number' ? leadingValue(row.default).number === expected : first.startsWith(expected);
    if (!matches) {
      problems.push({
        ...at('default'),
        rule: 'source/default',
        message: `when xend-config.sxp leaves ${code(row.key)} out, xend uses ${JSON.stringify(expected)} (${where(option)})`,
        fix: `start \`default\` with ${expected}; the example file's commented value is not the default`,
      });
    }
  });
  for (const option of manifests.current.xendOptions) {
    if (rows.has(option.key)) continue;
    problems.push({
      file: data.file,
      line: 1,
      column: 1,
      rule: 'source/missing-key',
      message: `xend reads ${code(option.key)} (${where(option)}), but ${XEND_CONFIG_DATA} has no row for it`,
      fix: `add a row for ${code(option.key)}, so the reference covers every setting`,
    });
  }
  return problems;
}

/** Whether an article's code block shows xend-config.sxp (its title names the file). */
const showsXendConfig = (block: CodeBlock) => /\btitle="[^"]*xend-config\.sxp/.test(block.meta ?? '');

/** Problems of the blocks an article shows as xend-config.sxp: each form sets a setting xend reads. */
export function checkXendConfigBlocks(file: string, blocks: CodeBlock[], manifests: SourceManifests): Problem[] {
  const problems: Problem[] = [];
  const keys = new Set(manifests.current.xendOptions.map((option) => option.key));
  for (const { text, line, column } of blocks.filter(showsXendConfig).flatMap(blockLines)) {
    // A setting is a form that starts a line: `(key value)`; `#` starts a comment.
    const form = /^(\s*)\(([A-Za-z][\w-]*)/.exec(text);
    if (!form || keys.has(form[2]!)) continue;
    problems.push({
      file,
      line,
      column: column + form[1]!.length + 1,
      rule: 'source/xend-setting',
      message: unread(form[2]!, manifests),
      fix: `use a setting of xend-config.sxp${didYouMean(form[2]!, keys, code)}, or show the file as a comment if the point is that xend ignores it`,
    });
  }
  return problems;
}
