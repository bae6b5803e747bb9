import { isMap, isNode, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
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
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1 + lineOffset, column: offset - starts[low] + 1 };
  };
}

/**
 * Parses YAML that starts `lineOffset` lines into its file (1 for frontmatter after `---`).
 * `start` is where problems about a missing top-level field point.
 */
export function parseYamlSource(text: string, lineOffset = 0, start: Where = { line: lineOffset + 1, column: 1 }): YamlSource {
  const position = lineIndex(text, lineOffset);
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((error) => ({
    where: position(error.pos[0]),
    message: error.message.replace(/ at line \d+, column \d+.*$/s, ''),
  }));
  const at = (node: Node | null | undefined): Where | undefined => (node?.range ? position(node.range[0]) : undefined);

  return {
    data: errors.length ? undefined : doc.toJS(),
    errors,
    locate(path) {
      for (let depth = path.length; depth >= 1; depth--) {
        const node = nodeAt(doc, path.slice(0, depth));
        if (node) {
          // A missing field points at its parent collection's first line.
          if (depth < path.length && isMap(node)) {
            const first = node.items[0];
            return (isPair(first) && isNode(first.key) ? at(first.key) : undefined) ?? at(node) ?? start;
          }
          return at(node) ?? start;
        }
      }
      return start;
    },
    locateKey(path, key) {
      const parent = path.length ? nodeAt(doc, path) : doc.contents;
      if (isMap(parent)) {
        for (const pair of parent.items) {
          if (isScalar(pair.key) && String(pair.key.value) === key) return at(pair.key) ?? start;
        }
      }
      return this.locate(path);
    },
  };
}

/** The YAML node at `path`, or undefined. */
function nodeAt(doc: Document, path: DataPath): Node | undefined {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      node = pair?.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
    } else {
      return undefined;
    }
    if (node === null || node === undefined) return undefined;
  }
  return isNode(node) ? node : undefined;
}

/** The value at `path` in plain data. */
export function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
