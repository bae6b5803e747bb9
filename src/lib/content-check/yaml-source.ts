import { isMap, isNode, isScalar, parseDocument } from 'yaml';
import type { Where } from './problem.ts';

/** A path into parsed data, as Zod reports it (`['sources', 0, 'url']`). */
export type DataPath = readonly PropertyKey[];

/** YAML parsed with enough bookkeeping to say on which line any value sits. */
export interface YamlSource {
  /** The parsed data (undefined when the YAML does not parse). */
  data: unknown;
  /** Syntax errors, already placed in the file. */
  errors: { where: Where; message: string }[];
  /** Where the value at `path` is; for a missing value, where its parent is. */
  locate(path: DataPath): Where;
  /** Where the key `key` of the mapping at `path` is (for unknown fields). */
  locateKey(path: DataPath, key: string): Where;
}

/** 1-based line and column of every offset in `text`, shifted by `lineOffset` lines. */
export function lineIndex(text: string, lineOffset = 0): (offset: number) => Where {
  const starts = [0, ...Array.from(text.matchAll(/\n/g), (match) => match.index + 1)];
  return (offset) => {
    const line = starts.findLastIndex((start) => start <= offset);
    return { line: line + 1 + lineOffset, column: offset - starts[line] + 1 };
  };
}

/**
 * Parses YAML that starts `lineOffset` lines into its file (1 for frontmatter after `---`).
 * `start` is where problems about a missing top-level field point.
 */
export function parseYamlSource(text: string, lineOffset = 0, start: Where = { line: lineOffset + 1, column: 1 }): YamlSource {
  const position = lineIndex(text, lineOffset);
  const parse = () => parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const parsed = parse();
  const errors = parsed.errors.map((error) => ({
    where: position(error.pos[0]),
    message: error.message.replace(/ at line \d+, column \d+.*$/s, ''),
  }));
  // A structured clone, because the strings of toJS() hold on to the parser's own (about 56 KB
  // for an article's frontmatter, measured: 0.56 GB at 10,000 articles); the clone's are copies.
  const data = errors.length ? undefined : structuredClone(parsed.toJS());
  // The document keeps every node with its place in the text (about 70 KB for an article's
  // frontmatter), and only placing a problem needs it: it is parsed again then, not kept.
  let doc: ReturnType<typeof parse> | undefined;
  const nodeAt = (path: DataPath): unknown => {
    doc ??= parse();
    return path.length ? doc.getIn(path as unknown[], true) : doc.contents;
  };
  const at = (node: unknown) => (isNode(node) && node.range ? position(node.range[0]) : undefined);
  return {
    data,
    errors,
    locate(path) {
      for (let depth = path.length; depth >= 1; depth--) {
        const node = nodeAt(path.slice(0, depth));
        // A missing field points at its parent mapping's first key.
        if (depth < path.length && isMap(node)) return at(node.items[0]?.key) ?? at(node) ?? start;
        if (node != null) return at(node) ?? start;
      }
      return start;
    },
    locateKey(path, key) {
      const parent = nodeAt(path);
      const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && String(item.key.value) === key) : undefined;
      return at(pair?.key) ?? this.locate(path);
    },
  };
}
