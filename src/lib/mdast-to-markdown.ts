/**
 * Writes a Markdown syntax tree (mdast) as CommonMark with GitHub's tables: the last step of the
 * Markdown version of an article (article-markdown.ts builds the tree).
 *
 * The project has no mdast-util-to-markdown, so this is a small writer for the nodes the site's
 * articles produce: headings, paragraphs, emphasis, links, inline and fenced code, lists,
 * block quotes, tables, breaks, thematic breaks and raw HTML. Text is escaped where Markdown
 * would otherwise read it as syntax (`*`, `` ` ``, a `[…](` that would become a link, `<tag`,
 * block markers at the start of a line, `|` in a table), and nowhere else, so it stays easy to
 * read. MDX nodes must be replaced before writing: meeting one is an error.
 */
import type { List, Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';

/** Where phrasing content is written. */
interface Inline {
  /** In a table cell: `|` is escaped and line breaks become spaces. */
  table: boolean;
}

/** The Markdown text of a tree, ending with one newline. */
export function toMarkdown(tree: Root): string {
  return `${blocks(tree.children, false)}\n`;
}

/** Blocks one after another: a blank line between them, or (in a tight list item) a line break. */
function blocks(nodes: readonly RootContent[], tight: boolean): string {
  const written: string[] = [];
  let previous: RootContent | undefined;
  for (const node of nodes) {
    const text = block(node);
    if (text === '') continue;
    // Two lists of the same kind in a row would merge into one: an empty comment keeps them apart.
    if (previous?.type === 'list' && node.type === 'list' && previous.ordered === node.ordered) written.push('<!-- -->');
    written.push(text);
    previous = node;
  }
  return written.join(tight ? '\n' : '\n\n');
}

function block(node: RootContent): string {
  switch (node.type) {
    case 'heading': {
      const text = inline(node.children, { table: false });
      return text ? `${'#'.repeat(node.depth)} ${text}` : '#'.repeat(node.depth);
    }
    case 'paragraph':
      return inline(node.children, { table: false });
    case 'blockquote':
      return prefixLines(blocks(node.children, false), '> ', '>');
    case 'list':
      return list(node);
    case 'code': {
      const fence = '`'.repeat(Math.max(3, longestRun(node.value, '`') + 1));
      const info = [node.lang, node.meta].filter(Boolean).join(' ');
      return `${fence}${info}\n${node.value ? `${node.value}\n` : ''}${fence}`;
    }
    case 'html':
      return node.value;
    case 'thematicBreak':
      return '***';
    case 'table':
      return table(node);
    case 'definition':
      return `[${node.label ?? node.identifier}]: ${destination(node.url)}${title(node.title)}`;
    case 'footnoteDefinition':
      return indentAfter(`[^${node.label ?? node.identifier}]: `, blocks(node.children, false), '    ');
    case 'yaml':
    case 'toml':
      return '';
    default:
      return unsupported(node);
  }
}

function list(node: List): string {
  // A list is loose when any item has blank lines inside it: then every item is separated by one.
  const loose = Boolean(node.spread) || node.children.some((item) => item.spread);
  return node.children
    .map((item, index) => {
      const marker = node.ordered ? `${(node.start ?? 1) + index}. ` : '- ';
      const task = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
      return indentAfter(marker + task, blocks(item.children, !loose), ' '.repeat(marker.length));
    })
    .join(loose ? '\n\n' : '\n');
}

function table(node: Table): string {
  const rows = node.children.map((row) => row.children.map((cell) => inline(cell.children, { table: true }).trim()));
  const width = Math.max(1, ...rows.map((row) => row.length));
  const line = (cells: readonly string[]) =>
    `| ${Array.from({ length: width }, (_, index) => cells[index] ?? '').join(' | ')} |`;
  const rule = Array.from({ length: width }, (_, index) => {
    const align = node.align?.[index];
    return align === 'left' ? ':--' : align === 'right' ? '--:' : align === 'center' ? ':-:' : '---';
  });
  const [head = [], ...body] = rows;
  return [line(head), line(rule), ...body.map(line)].join('\n');
}

/** Phrasing content as one run of text; `lineStart` tracks where block markers need escaping. */
function inline(nodes: readonly PhrasingContent[], where: Inline): string {
  let out = '';
  for (const node of nodes) out += phrasing(node, where, out === '' || out.endsWith('\n'));
  return out;
}

function phrasing(node: PhrasingContent, where: Inline, lineStart: boolean): string {
  switch (node.type) {
    case 'text':
      return escapeText(node.value, lineStart, where);
    case 'inlineCode':
      return codeSpan(node.value, where);
    case 'emphasis':
      return `*${inline(node.children, where)}*`;
    case 'strong':
      return `**${inline(node.children, where)}**`;
    case 'delete':
      return `~~${inline(node.children, where)}~~`;
    case 'link': {
      // A link whose text is its own address is written as an autolink: <https://…>.
      const [only] = node.children;
      if (node.children.length === 1 && only?.type === 'text' && only.value === node.url && !node.title && /^https?:\/\/[^\s<>]+$/.test(node.url)) {
        return `<${node.url}>`;
      }
      return `[${inline(node.children, where)}](${destination(node.url)}${title(node.title)})`;
    }
    case 'image':
      return `![${escapeText(node.alt ?? '', false, where)}](${destination(node.url)}${title(node.title)})`;
    case 'linkReference':
      return `[${inline(node.children, where)}][${node.label ?? node.identifier}]`;
    case 'imageReference':
      return `![${escapeText(node.alt ?? '', false, where)}][${node.label ?? node.identifier}]`;
    case 'footnoteReference':
      return `[^${node.label ?? node.identifier}]`;
    case 'break':
      return where.table ? ' ' : '\\\n';
    case 'html':
      return node.value;
    default:
      return unsupported(node);
  }
}

function unsupported(node: Nodes): never {
  const name = 'name' in node && node.name ? ` <${String(node.name)}>` : '';
  throw new Error(`mdast-to-markdown: cannot write a "${node.type}"${name} node as Markdown; replace it before writing.`);
}

/**
 * Plain text, escaped only where Markdown would read syntax into it. An underscore inside a word
 * (`dom0_mem`) cannot start emphasis, and brackets only make a link when `](` or `][` follows,
 * so both stay as they are.
 */
export function escapeText(value: string, lineStart: boolean, where: Inline = { table: false }): string {
  let text = value
    .replace(/\\(?=[!-/:-@[-`{-~]|$)/g, '\\\\')
    .replace(/[*`~]/g, '\\$&')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/\](?=[([])/g, '\\]')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  if (where.table) return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  // A line that starts like a heading, quote, list item or setext underline would become one.
  const escapeLineStart = (line: string) =>
    line.replace(/^(\s*)(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|(?:-+|=+)\s*$)/, '$1\\$2').replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
  text = text
    .split('\n')
    .map((line, index) => (index > 0 || lineStart ? escapeLineStart(line) : line))
    .join('\n');
  return text;
}

/** Inline code with a fence of backticks longer than any run inside it. */
function codeSpan(value: string, where: Inline): string {
  const text = where.table ? value.replace(/\|/g, '\\|').replace(/\n/g, ' ') : value.replace(/\n/g, ' ');
  const fence = '`'.repeat(longestRun(text, '`') + 1);
  const pad = /^`|`$/.test(text) || (/^ .*[^ ].* $/.test(text)) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A link destination; in angle brackets when it holds spaces or brackets. */
function destination(url: string): string {
  if (/[\s<>]/.test(url)) return `<${url.replace(/[<>]/g, (c) => encodeURIComponent(c))}>`;
  return url.replace(/[()]/g, '\\$&');
}

function title(value: string | null | undefined): string {
  return value ? ` "${value.replace(/["\\]/g, '\\$&')}"` : '';
}

/** The longest run of one character in a text (for fences that must be longer). */
function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** Puts `first` before the first line and indents the others by `rest` (blank lines stay empty). */
function indentAfter(first: string, text: string, rest: string): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? first + line : line === '' ? '' : rest + line))
    .join('\n')
    .trimEnd();
}

/** Prefixes every line (quotes): `prefix`, or `empty` on blank lines. */
function prefixLines(text: string, prefix: string, empty: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? empty : prefix + line))
    .join('\n');
}
