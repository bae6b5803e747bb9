/** A value a JSX attribute may carry: what JSON can hold. */
export type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal };

/** The only tokens of a literal: an object key, a quoted string, a number, true/false/null, punctuation. */
const TOKEN =
  /\s*(?:([A-Za-z_$][\w$]*)(?=\s*:)|(["'])((?:\\[ntr\\'"]|(?!\2)[^\\\n])*)\2|(-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|(true|false|null)\b|([[\]{}:,]))/y;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };

/**
 * Reads a JavaScript expression that is nothing but a literal — a string, number, boolean,
 * null, or an array or object of those — and returns its value. Anything else (a name, a call,
 * an operator, a template with `${}`) returns `{ ok: false }`: in an article that would be code.
 * Each token is rewritten as JSON, and JSON.parse judges the structure.
 */
export function parseLiteral(source: string): { ok: true; value: Literal } | { ok: false } {
  const tokens: string[] = [];
  const end = source.trimEnd().length;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < end) {
    const [, key, , text, number, word, punctuation] = TOKEN.exec(source) ?? [];
    const string = key ?? text?.replace(/\\(.)/g, (_, char: string) => ESCAPES[char] ?? char);
    if (string === '__proto__' || (string ?? number ?? word ?? punctuation) === undefined) return { ok: false };
    // JavaScript allows a comma before a closing bracket; JSON does not.
    if ((punctuation === ']' || punctuation === '}') && tokens.at(-1) === ',' && !['[', '{', ','].includes(tokens.at(-2) ?? ''))
      tokens.pop();
    tokens.push(
      string !== undefined ? JSON.stringify(string) : number !== undefined ? String(Number(number)) : (word ?? punctuation!),
    );
  }
  try {
    return { ok: true, value: JSON.parse(tokens.join(' ')) as Literal };
  } catch {
    return { ok: false };
  }
}

/** True when an MDX expression holds only comments (`{/* a note for editors *\/}`). */
export function isCommentOnly(expression: string): boolean {
  return expression.replace(/\/\*[\s\S]*?\*\//g, '').trim() === '';
}
