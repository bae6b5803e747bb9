import type { Literal } from '../../schemas/xen-manifest.ts';

/**
 * A reader for the Python 2 data tables of xm and xend (dicts of tuples of strings, call
 * arguments such as `gopts.var('vnc', val='', default=None)`). Python 3 cannot parse these
 * Python 2 files and no npm package reads Python literals, so this small tokenizer does it;
 * anything that is not a literal or a name comes back as its source text.
 */

type Token =
  | { type: 'string'; value: string; start: number; end: number }
  | { type: 'name' | 'number' | 'op'; value: string; start: number; end: number };

/** A parsed expression: a literal, a (dotted) name, or source text that is neither. */
export type PyValue = { literal: Literal } | { name: string } | { text: string } | { dict: [PyValue, PyValue, number][] };

const STRING = /^([rRuUbB]{0,2})('''|"""|'|")/;

/** Unescapes the body of a non-raw Python string literal. */
function unescape(body: string): string {
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '\n': '' };
  return body.replace(/\\(x[0-9a-fA-F]{2}|[0-7]{1,3}|.|\n)/g, (whole, code: string) => {
    if (code in simple) return simple[code]!;
    if (code[0] === 'x') return String.fromCharCode(parseInt(code.slice(1), 16));
    if (/^[0-7]/.test(code)) return String.fromCharCode(parseInt(code, 8));
    return whole;
  });
}

/** Splits Python source into tokens from `start`, skipping comments and line breaks. */
export function* tokenize(source: string, start = 0): Generator<Token> {
  let i = start;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (/\s/.test(c) || (c === '\\' && source[i + 1] === '\n')) {
      i++;
      continue;
    }
    const quote = STRING.exec(source.slice(i, i + 5));
    if (quote && (quote[1] === '' || /[rRuUbB]/.test(c))) {
      const [, prefix, delimiter] = quote as unknown as [string, string, string];
      let j = i + prefix.length + delimiter.length;
      let body = '';
      while (j < source.length && !source.startsWith(delimiter, j)) {
        if (source[j] === '\\') {
          body += source.slice(j, j + 2);
          j += 2;
        } else body += source[j++];
      }
      const end = j + delimiter.length;
      yield { type: 'string', value: /r/i.test(prefix) ? body : unescape(body), start: i, end };
      i = end;
      continue;
    }
    const name = /^[A-Za-z_][\w.]*/.exec(source.slice(i, i + 200));
    if (name) {
      yield { type: 'name', value: name[0], start: i, end: i + name[0].length };
      i += name[0].length;
      continue;
    }
    const number = /^\d[\w.]*/.exec(source.slice(i, i + 50));
    if (number) {
      yield { type: 'number', value: number[0], start: i, end: i + number[0].length };
      i += number[0].length;
      continue;
    }
    yield { type: 'op', value: c, start: i, end: i + 1 };
    i++;
  }
}

/** A cursor over the tokens of one source text. */
class Parser {
  private readonly source: string;
  private readonly tokens: Generator<Token>;
  private peeked: Token | undefined;
  constructor(source: string, start: number) {
    this.source = source;
    this.tokens = tokenize(source, start);
  }
  peek(): Token | undefined {
    if (!this.peeked) this.peeked = this.tokens.next().value ?? undefined;
    return this.peeked;
  }
  next(): Token {
    const token = this.peek();
    if (!token) throw new Error('unexpected end of Python source');
    this.peeked = undefined;
    return token;
  }
  expect(value: string): Token {
    const token = this.next();
    if (token.value !== value) throw new Error(`expected "${value}" at offset ${token.start}, found "${token.value}"`);
    return token;
  }
  isOp(value: string): boolean {
    const token = this.peek();
    return token?.type === 'op' && token.value === value;
  }

  /** One expression up to a `,`, `:` or closing bracket at depth 0. */
  expression(): PyValue {
    const first = this.peek();
    if (!first) throw new Error('unexpected end of Python source');
    const primary = this.primary();
    const after = this.peek();
    if (!after || (after.type === 'op' && /^[,:)\]}=]$/.test(after.value))) return primary;
    // Something more than a literal or a name (an operator, a call): keep the source text.
    let depth = 0;
    let end = first.start;
    for (let token = this.peek(); token; token = this.peek()) {
      if (token.type === 'op' && /^[([{]$/.test(token.value)) depth++;
      if (token.type === 'op' && /^[)\]}]$/.test(token.value)) {
        if (depth === 0) break;
        depth--;
      }
      if (depth === 0 && token.type === 'op' && /^[,:]$/.test(token.value)) break;
      end = this.next().end;
    }
    return { text: this.source.slice(first.start, end).replace(/\s+/g, ' ').trim() };
  }

  primary(): PyValue {
    const token = this.next();
    if (token.type === 'string') {
      let value = token.value;
      while (this.peek()?.type === 'string') value += this.next().value; // implicit concatenation
      return { literal: value };
    }
    if (token.type === 'number') return { literal: Number(token.value.replace(/[lL]$/, '')) };
    if (token.type === 'name') {
      if (token.value === 'None') return { literal: null };
      if (token.value === 'True' || token.value === 'False') return { literal: token.value === 'True' };
      return { name: token.value };
    }
    if (token.value === '-' && this.peek()?.type === 'number') return { literal: -Number(this.next().value) };
    if (token.value === '(' || token.value === '[') {
      const close = token.value === '(' ? ')' : ']';
      const items: PyValue[] = [];
      let commas = 0;
      while (!this.isOp(close)) {
        items.push(this.expression());
        if (!this.isOp(close)) {
          this.expect(',');
          commas++;
        }
      }
      this.next();
      // `(x)` is x itself; only `(x,)` is a one-item tuple.
      if (token.value === '(' && items.length === 1 && commas === 0) return items[0]!;
      return listOf(items);
    }
    if (token.value === '{') {
      const entries: [PyValue, PyValue, number][] = [];
      while (!this.isOp('}')) {
        const keyToken = this.peek()!;
        const key = this.expression();
        this.expect(':');
        entries.push([key, this.expression(), keyToken.start]);
        if (!this.isOp('}')) this.expect(',');
      }
      this.next();
      return { dict: entries };
    }
    throw new Error(`unexpected "${token.value}" at offset ${token.start}`);
  }

  /** Arguments of a call whose `(` was just read: positional values and keyword values. */
  callArguments(): { positional: PyValue[]; keywords: Record<string, PyValue> } {
    const positional: PyValue[] = [];
    const keywords: Record<string, PyValue> = {};
    while (!this.isOp(')')) {
      const value = this.expression();
      if ('name' in value && this.isOp('=')) {
        this.next();
        keywords[value.name] = this.expression();
      } else positional.push(value);
      if (!this.isOp(')')) this.expect(',');
    }
    this.next();
    return { positional, keywords };
  }
}

/** A list of parsed values as a literal list when every item is a literal, else source text. */
function listOf(items: PyValue[]): PyValue {
  if (items.every((item) => 'literal' in item)) return { literal: items.map((item) => (item as { literal: Literal }).literal) };
  return { text: JSON.stringify(items) };
}

/**
 * The value assigned by the first top-level `NAME = …` in the source, and where it starts; with
 * `indented`, by the first indented one instead (a class attribute).
 */
export function assignment(source: string, name: string, { indented = false } = {}): { value: PyValue; offset: number } | undefined {
  const match = new RegExp(`^${indented ? '[ \\t]+' : ''}${name}\\s*=\\s*`, 'm').exec(source);
  if (!match) return undefined;
  const offset = match.index + match[0].length;
  return { value: new Parser(source, offset).primary(), offset };
}

/**
 * Every call `callee(…)` that starts a line of the source (with `anywhere`, every call, such as
 * one after `return`): its arguments and the offset where it starts.
 */
export function calls(
  source: string,
  callee: string,
  { anywhere = false } = {},
): { positional: PyValue[]; keywords: Record<string, PyValue>; offset: number }[] {
  const found = [];
  const name = callee.replace(/\./g, '\\.');
  const pattern = new RegExp(anywhere ? `(?<![\\w.])${name}\\s*\\(` : `^[ \\t]*${name}\\s*\\(`, 'gm');
  for (const match of source.matchAll(pattern)) {
    const parser = new Parser(source, match.index + match[0].length);
    found.push({ ...parser.callArguments(), offset: match.index + match[0].search(/\S/) });
  }
  return found;
}

/** The string of a parsed value, or undefined when it is not a string literal. */
export function str(value: PyValue | undefined): string | undefined {
  return value && 'literal' in value && typeof value.literal === 'string' ? value.literal : undefined;
}
