import type { BootOptionKind, Literal, ManifestBootOption, ManifestBootOptionSite } from '../../schemas/xen-manifest.ts';
import { buildConditions } from './build-conditions.ts';
import type { SourceTree } from './tree.ts';

const MACROS: Record<string, BootOptionKind> = {
  boolean_param: 'boolean',
  invbool_param: 'invbool',
  integer_param: 'integer',
  string_param: 'string',
  custom_param: 'custom',
  size_param: 'size',
};

const REGISTRATION = new RegExp(`^\\s*(${Object.keys(MACROS).join('|')})\\s*\\(\\s*"([^"]+)"\\s*,\\s*([A-Za-z_]\\w*)\\s*\\)`, 'gm');

/** The architecture an xen/ path belongs to. */
function archOf(file: string): ManifestBootOptionSite['arch'] {
  if (file.startsWith('xen/arch/x86/')) return 'x86';
  if (file.startsWith('xen/arch/ia64/')) return 'ia64';
  return 'common';
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Removes C comments, keeping their line breaks so that every line keeps its number. */
export function stripCComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ''))
    .replace(/\/\/[^\n]*/g, '');
}

/** The value of a C literal (`0`, `0x10`, `50000UL`, `-1`, `"com1,vga"`), or undefined. */
export function cLiteral(expression: string): Literal | undefined {
  const text = expression.trim();
  const integer = /^(-?)\s*(0x[0-9a-f]+|\d+)[ul]*$/i.exec(text);
  if (integer) return (integer[1] ? -1 : 1) * Number(integer[2]);
  const strings = text.match(/^("(?:[^"\\]|\\.)*"\s*)+$/);
  if (strings) {
    return [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1')).join('');
  }
  return undefined;
}

/** Every `#define NAME value` of a file: name → values (several when #ifdef picks one). */
function definesIn(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const match of text.matchAll(/^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)[ \t]+(.+?)[ \t]*$/gm)) {
    found.set(match[1]!, [...(found.get(match[1]!) ?? []), match[2]!]);
  }
  return found;
}

/** Looks a macro up; undefined when it has no single definition. */
export type DefineLookup = (name: string) => string | undefined;

/**
 * The value of an initialiser made of literals, macros with one definition, and integer
 * arithmetic (`ACPI_PROCESSOR_MAX_POWER - 1` with the macro defined as 8 gives 7).
 */
export function evaluate(expression: string, lookup: DefineLookup, depth = 0): Literal | undefined {
  const literal = cLiteral(expression);
  if (literal !== undefined || depth > 4) return literal;
  let unresolved = false;
  const substituted = expression.replace(/\b[A-Za-z_]\w*\b/g, (name) => {
    const defined = lookup(name);
    const value = defined === undefined ? undefined : evaluate(defined, lookup, depth + 1);
    if (value === undefined) unresolved = true;
    return JSON.stringify(value);
  });
  if (unresolved) return undefined;
  const direct = cLiteral(substituted);
  if (direct !== undefined) return direct;
  const decimal = substituted.replace(/\b(0x[0-9a-f]+|\d+)[ul]*\b/gi, (number) => String(Number(number.replace(/[ul]+$/i, ''))));
  if (!/^[\d\s+\-*/()]+$/.test(decimal)) return undefined;
  const tokens = decimal.match(/\d+|[+\-*/()]/g) ?? [];
  // A tiny recursive-descent evaluator: no eval() on text read from a tree.
  let at = 0;
  const primary = (): number => {
    const token = tokens[at++];
    if (token === '(') {
      const value = sum();
      at++;
      return value;
    }
    if (token === '-') return -primary();
    return Number(token);
  };
  const product = (): number => {
    let value = primary();
    while (tokens[at] === '*' || tokens[at] === '/') value = tokens[at++] === '*' ? value * primary() : Math.trunc(value / primary());
    return value;
  };
  const sum = (): number => {
    let value = product();
    while (tokens[at] === '+' || tokens[at] === '-') value = tokens[at++] === '+' ? value + product() : value - product();
    return value;
  };
  const value = sum();
  return at === tokens.length && Number.isFinite(value) ? value : undefined;
}

/** Splits `a = 1, b[30] = "x, y", c` at the commas outside strings and brackets. */
function declarators(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') current += text[i++];
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  return [...parts, current];
}

/**
 * A file-scope definition of `variable` (not `extern`), with its initialiser if any:
 * `static unsigned int __initdata opt_a = 1, opt_b;`. The words before the first declarator
 * must be a type, which rules out statements such as `x = opt_a;`.
 */
function findDefinition(text: string, variable: string): { initialiser?: string; alternatives?: string[] } | undefined {
  const pattern = new RegExp(`^[ \\t]*(?!extern\\b|typedef\\b|return\\b|#)[A-Za-z_][^;(){}]*?\\b${variable}\\b[^;]*;`, 'gm');
  const declarator = new RegExp(`^\\**\\s*${variable}\\s*(?:\\[[^\\]]*\\])?\\s*(?:__\\w+\\s*)*(?:=\\s*([\\s\\S]+))?$`);
  const found: { initialiser?: string }[] = [];
  for (const statement of text.matchAll(pattern)) {
    const parts = declarators(statement[0].trim().slice(0, -1));
    // A definition: type words, then the first name (`static char opt_com1`), before any `=` or `[`.
    const head = parts[0]!.split(/[=[]/)[0]!.trim();
    if (!/^[A-Za-z_][\w \t*]*$/.test(head) || head.split(/[\s*]+/).length < 2 || /^(if|while|for|switch|else|case|goto)\b/.test(head)) continue;
    for (const [index, part] of parts.entries()) {
      const body = index === 0 ? part.trim().replace(/^(?:[A-Za-z_]\w*[\s*]+)+(?=\**\s*(?!__)[A-Za-z_]\w*\s*(?:\[|=|__|$))/, '') : part.trim();
      const match = declarator.exec(body.trim());
      if (match) {
        found.push({ initialiser: match[1]?.trim() });
        break;
      }
    }
  }
  // Several definitions are alternatives chosen by #ifdef (`opt_nmi` is "dom0" or "fatal").
  const distinct = [...new Set(found.map((f) => f.initialiser ?? '0'))];
  if (distinct.length > 1) return { alternatives: distinct };
  return found[0];
}

/** The initial value facts of an option's variable. */
function initialOf(
  kind: BootOptionKind,
  variable: string,
  own: string,
  others: () => Iterable<string>,
  headerDefine: DefineLookup,
): Pick<ManifestBootOptionSite, 'initial' | 'initialFrom' | 'initialExpression'> {
  if (kind === 'custom') return {};
  let definition = findDefinition(own, variable);
  let text = own;
  if (!definition) {
    for (const other of others()) {
      definition = findDefinition(other, variable);
      if (definition) {
        text = other;
        break;
      }
    }
  }
  if (!definition) return {};
  if (definition.alternatives) return { initialExpression: `${definition.alternatives.join(' or ')}, as the build configuration chooses` };
  if (definition.initialiser === undefined) return { initial: kind === 'string' ? '' : 0, initialFrom: 'implicit' };
  const literal = cLiteral(definition.initialiser);
  if (literal !== undefined) return { initial: literal, initialFrom: 'literal' };
  const local = definesIn(text);
  const lookup: DefineLookup = (name) => {
    const values = local.get(name);
    if (values) return values.length === 1 ? values[0] : undefined;
    return headerDefine(name);
  };
  const value = evaluate(definition.initialiser, lookup);
  if (value !== undefined) return { initial: value, initialFrom: 'define' };
  return { initialExpression: definition.initialiser.replace(/\s+/g, ' ') };
}

/**
 * Every hypervisor boot option registered in the tree's xen/ folder, by name, with each
 * registration's file, line, kind and the initial value of the variable it sets.
 */
export function extractBootOptions(tree: SourceTree): ManifestBootOption[] {
  const files = tree.list('xen').filter((file) => /\.[ch]$/.test(file) && file !== 'xen/include/xen/init.h');
  const texts = new Map<string, string>();
  const read = (file: string) => {
    let text = texts.get(file);
    if (text === undefined) {
      text = stripCComments(tree.read(file));
      texts.set(file, text);
    }
    return text;
  };
  const cFiles = files.filter((file) => file.endsWith('.c'));
  // Macros from the headers, per architecture: an x86 file never sees asm-ia64/ and vice versa.
  const headerDefines = new Map<string, { value: string; file: string }[]>();
  for (const file of files.filter((f) => f.endsWith('.h'))) {
    for (const [name, values] of definesIn(read(file))) {
      headerDefines.set(name, [...(headerDefines.get(name) ?? []), ...values.map((value) => ({ value, file }))]);
    }
  }
  const headerDefine = (arch: ManifestBootOptionSite['arch']): DefineLookup => (name) => {
    const other = arch === 'ia64' ? 'asm-x86' : 'asm-ia64';
    const values = new Set((headerDefines.get(name) ?? []).filter((d) => !d.file.includes(`/${other}/`)).map((d) => d.value));
    return values.size === 1 ? [...values][0] : undefined;
  };
  const needsOf = buildConditions(tree);
  const byName = new Map<string, ManifestBootOptionSite[]>();
  for (const file of files) {
    const text = read(file);
    if (!text.includes('_param')) continue;
    for (const match of text.matchAll(REGISTRATION)) {
      const kind = MACROS[match[1]!]!;
      const variable = match[3]!;
      const line = lineAt(text, match.index + match[0].indexOf(match[1]!));
      const needs = needsOf(file, text, line);
      const site: ManifestBootOptionSite = {
        file,
        line,
        kind,
        variable,
        arch: archOf(file),
        ...(needs.length > 0 && { needs }),
        ...initialOf(
          kind,
          variable,
          text,
          function* () {
            for (const other of cFiles) if (other !== file) yield read(other);
          },
          headerDefine(archOf(file)),
        ),
      };
      byName.set(match[2]!, [...(byName.get(match[2]!) ?? []), site]);
    }
  }
  return [...byName.entries()]
    .map(([name, sites]) => ({ name, kind: sites[0]!.kind, sites }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
