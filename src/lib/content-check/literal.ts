/** A value a JSX attribute may carry: what JSON can hold. */
export type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal };

/**
 * Reads a JavaScript expression that is nothing but a literal — a string, number, boolean,
 * null, or an array or object of those — and returns its value. Anything else (a name, a call,
 * an operator, a template with `${}`) returns `{ ok: false }`: in an article that would be code.
 */
export function parseLiteral(source: string): { ok: true; value: Literal } | { ok: false } {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxError('not a literal');
  };
  const space = () => {
    while (i < source.length && /\s/.test(source[i])) i++;
  };
  const string = (): string => {
    const quote = source[i++];
    let out = '';
    while (i < source.length && source[i] !== quote) {
      if (source[i] === '\n') fail();
      if (source[i] === '\\') {
        const next = source[i + 1];
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
        if (!(next in simple)) fail();
        out += simple[next];
        i += 2;
      } else {
        out += source[i++];
      }
    }
    if (source[i] !== quote) fail();
    i++;
    return out;
  };
  const value = (): Literal => {
    space();
    const char = source[i];
    if (char === '"' || char === "'") return string();
    if (char === '[') {
      i++;
      const items: Literal[] = [];
      space();
      while (source[i] !== ']') {
        items.push(value());
        space();
        if (source[i] === ',') i++;
        else if (source[i] !== ']') fail();
        space();
      }
      i++;
      return items;
    }
    if (char === '{') {
      i++;
      const object: Record<string, Literal> = {};
      space();
      while (source[i] !== '}') {
        let key: string;
        if (source[i] === '"' || source[i] === "'") key = string();
        else {
          const match = /^[A-Za-z_$][\w$]*/.exec(source.slice(i));
          if (!match) fail();
          key = match![0];
          i += key.length;
        }
        if (key === '__proto__') fail();
        space();
        if (source[i++] !== ':') fail();
        object[key] = value();
        space();
        if (source[i] === ',') i++;
        else if (source[i] !== '}') fail();
        space();
      }
      i++;
      return object;
    }
    const number = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(i));
    if (number) {
      i += number[0].length;
      return Number(number[0]);
    }
    for (const [word, result] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (source.startsWith(word, i) && !/[\w$]/.test(source[i + word.length] ?? '')) {
        i += word.length;
        return result;
      }
    }
    return fail();
  };
  try {
    const result = value();
    space();
    if (i !== source.length) return { ok: false };
    return { ok: true, value: result };
  } catch {
    return { ok: false };
  }
}

/** True when an MDX expression holds only comments (`{/* a note for editors *\/}`). */
export function isCommentOnly(expression: string): boolean {
  return expression.replace(/\/\*[\s\S]*?\*\//g, '').trim() === '';
}
