import { mdxToMdast } from 'satteri';
import type { SourceManifests } from '../xen-source/manifests.ts';
import type { YamlSource } from './yaml-source.ts';

/**
 * What the checks of the site's facts against the source manifest share: how they name code
 * and places in messages, how they read an article's code blocks and a value's first word.
 */

/** A parsed data file: its rows and where each value sits. */
export interface ParsedDataFile {
  file: string;
  entries: unknown[];
  yaml: YamlSource;
}

/** The Xen repository, as citations link it. */
export const XEN_REPO = 'https://github.com/xen-project/xen';
export const short = (commit: string) => commit.slice(0, 10);
export const code = (text: string) => `\`${text}\``;

/** "(removed between 3.3.0-branched and 3.4, commit ddf4a60539 "x86: Remove MSI boot parameter")". */
export function removalNote(manifests: SourceManifests, category: string, name: string): string {
  const change = manifests.changes?.changes.find((c) => c.category === category && c.name === name && c.change === 'removed');
  if (!change) return '';
  const commit = change.commit ? `, commit ${short(change.commit)}${change.subject ? ` "${change.subject.split(/\. |\n/)[0]!.replace(/\.$/, '')}"` : ''}` : '';
  return ` (it was removed between ${manifests.changes!.from.name} and ${manifests.changes!.to.name}${commit})`;
}

/** A place in the tree as messages name it: `tools/misc/xenpm.c:959`. */
export const where = (site: { file: string; line: number }) => `${site.file}:${site.line}`;

/** How a row's `default` text begins: `0 (off)` → 0, `Off: …` → off, `50000 (50 µs)` → 50000. */
export function leadingValue(text: string): { number?: number; state?: 'on' | 'off' } {
  const first = text.trim().replace(/^[`'"]/, '');
  const number = /^(-?(?:0x[0-9a-f]+|\d+))(?![\w.])/i.exec(first);
  const state = /^(off|disabled|false|no)\b/i.test(first) ? 'off' : /^(on|enabled|true|yes)\b/i.test(first) ? 'on' : undefined;
  if (number) {
    const value = Number(number[1]);
    return { number: value, state: value === 0 ? 'off' : value === 1 ? 'on' : undefined };
  }
  return { state };
}

/** A fenced code block of an article, as the MDX parser reports it. */
export interface CodeBlock {
  lang?: string | null;
  meta?: string | null;
  value: string;
  position: { start: { line: number; column: number } };
}

/** The fenced code blocks of an article (none when its MDX does not parse: the body check reports that). */
export function codeBlocks(source: string): CodeBlock[] {
  let tree: unknown;
  try {
    tree = mdxToMdast(source);
  } catch {
    return [];
  }
  const blocks: CodeBlock[] = [];
  const visit = (node: { type?: string; value?: unknown; position?: CodeBlock['position']; children?: unknown[] }) => {
    if (node.type === 'code' && typeof node.value === 'string' && node.position) blocks.push(node as CodeBlock);
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  visit(tree as Parameters<typeof visit>[0]);
  return blocks;
}

/** Each line of a code block with where it starts in the article (code inside <Steps> is indented). */
export function blockLines(block: CodeBlock): { text: string; line: number; column: number }[] {
  return block.value.split('\n').map((text, offset) => ({ text, line: block.position.start.line + 1 + offset, column: block.position.start.column }));
}
