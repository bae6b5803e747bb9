import type { Literal, ManifestDomainConfigKey, ManifestXendConfigKey, ManifestXendOption } from '../../schemas/xen-manifest.ts';
import { lineAt } from './boot-options.ts';
import { assignment, calls, str, type PyValue } from './python-literal.ts';
import type { SourceTree } from './tree.ts';

export const XM_CREATE = 'tools/python/xen/xm/create.py';
export const XEND_IMAGE = 'tools/python/xen/xend/image.py';
export const XEND_CONFIG_SXP = 'tools/examples/xend-config.sxp';
export const XEND_OPTIONS = 'tools/python/xen/xend/XendOptions.py';

/** The first sentence of a help text, on one line. */
export function firstSentenceOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = /[.?!](\s|$)/.exec(flat);
  return end ? flat.slice(0, end.index + 1) : flat;
}

/**
 * Defaults xend's image.py applies for keys a configuration leaves out, where it reads them
 * with a literal fallback: `vmConfig['platform'].get('vnc', 0)`.
 */
function xendDefaults(tree: SourceTree): Map<string, ManifestDomainConfigKey['xendDefaults']> {
  const found = new Map<string, ManifestDomainConfigKey['xendDefaults']>();
  if (!tree.has(XEND_IMAGE)) return found;
  const source = tree.read(XEND_IMAGE);
  for (const match of source.matchAll(/\.get\(\s*'([A-Za-z_]\w*)'\s*,\s*(-?\d+|'[^']*'|None)\s*\)/g)) {
    const raw = match[2]!;
    const value: Literal = raw === 'None' ? null : raw.startsWith("'") ? raw.slice(1, -1) : Number(raw);
    found.set(match[1]!, [...(found.get(match[1]!) ?? []), { file: XEND_IMAGE, line: lineAt(source, match.index), value }]);
  }
  return found;
}

/**
 * Every key xm/create.py reads from a configuration file: those `gopts.var(...)` declares,
 * with default and help, and those configure_hvm() passes on to xend without declaring them
 * (a configuration file may set any variable; create.py keeps the ones it knows by name).
 */
export function extractDomainConfig(tree: SourceTree): ManifestDomainConfigKey[] {
  const source = tree.read(XM_CREATE);
  const defaults = xendDefaults(tree);
  const declared = calls(source, 'gopts.var').map(({ positional, keywords, offset }): ManifestDomainConfigKey => {
    const name = str(positional[0]);
    if (!name) throw new Error(`${XM_CREATE}:${lineAt(source, offset)}: gopts.var without a name`);
    const value = keywords.default;
    return {
      name,
      file: XM_CREATE,
      line: lineAt(source, offset),
      values: str(keywords.val) ?? '',
      default: value && 'literal' in value ? value.literal : null,
      ...(value && 'name' in value ? { defaultExpression: value.name } : {}),
      ...(value && 'text' in value ? { defaultExpression: value.text } : {}),
      help: firstSentenceOf(str(keywords.use) ?? ''),
      declared: true,
      xendDefaults: defaults.get(name) ?? [],
    };
  });
  const names = new Set(declared.map((key) => key.name));
  const hvmStart = source.indexOf('def configure_hvm(');
  const passed = hvmStart < 0 ? undefined : assignment(source.slice(hvmStart).replace(/^[ \t]+args\s*=/m, 'args ='), 'args');
  const undeclared: ManifestDomainConfigKey[] = [];
  if (passed && 'literal' in passed.value && Array.isArray(passed.value.literal)) {
    for (const name of passed.value.literal) {
      if (typeof name !== 'string' || names.has(name)) continue;
      undeclared.push({
        name,
        file: XM_CREATE,
        line: lineAt(source, source.indexOf(`'${name}'`, hvmStart)),
        values: '',
        default: null,
        help: '',
        declared: false,
        xendDefaults: defaults.get(name) ?? [],
      });
    }
  }
  return [...declared, ...undeclared];
}

/** The end of the s-expression that opens at `start`, or -1 when it does not close. */
function closeOf(text: string, start: number): number {
  let depth = 0;
  let quote = '';
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Top-level `(key value…)` forms of an s-expression text, each with the line it starts on. */
function forms(text: string, lineOf: (offset: number) => number): { key: string; value: string; line: number }[] {
  const found = [];
  let end = -1;
  for (const open of text.matchAll(/^[ \t]*\(/gm)) {
    const start = open.index + open[0].length - 1;
    if (start < end) continue; // inside the previous form
    end = closeOf(text, start);
    if (end < 0) continue;
    const inner = text.slice(start + 1, end).replace(/\s+/g, ' ').trim();
    const key = /^[a-z][\w-]*/.exec(inner)?.[0];
    if (key) found.push({ key, value: inner.slice(key.length).trim(), line: lineOf(start) });
  }
  return found;
}

/**
 * The settings of the shipped xend-config.sxp: active `(key value)` forms, and forms on
 * commented-out lines (`#(key value)`), which show examples or the documented default.
 */
export function extractXendConfig(tree: SourceTree): ManifestXendConfigKey[] {
  if (!tree.has(XEND_CONFIG_SXP)) return [];
  const lines = tree.read(XEND_CONFIG_SXP).split('\n');
  // Two views of the file with the same line breaks: only active lines, and only commented ones.
  const active = lines.map((line) => (/^\s*#/.test(line) ? '' : line)).join('\n');
  const commented = lines.map((line) => (/^\s*#/.test(line) ? line.replace(/^\s*#/, '') : '')).join('\n');
  const keys = new Map<string, ManifestXendConfigKey>();
  const entry = (key: string, line: number) => {
    const existing = keys.get(key) ?? { key, line, value: null, commented: [] };
    existing.line = Math.min(existing.line, line);
    keys.set(key, existing);
    return existing;
  };
  for (const form of forms(active, (offset) => lineAt(active, offset))) {
    const setting = entry(form.key, form.line);
    if (setting.value === null) setting.value = form.value;
  }
  for (const form of forms(commented, (offset) => lineAt(commented, offset))) entry(form.key, form.line).commented.push(form.value);
  return [...keys.values()].sort((a, b) => a.line - b.line);
}

/**
 * The settings xend reads from xend-config.sxp: every `self.get_config_<type>('key', fallback)`
 * in XendOptions.py, with the fallback resolved where it is a literal or a class attribute set to
 * one (`self.xend_port_default`, `xend_port_default = 8000`). The first read of a key counts; the
 * Solaris class reads the same keys through the same methods.
 */
export function extractXendOptions(tree: SourceTree): ManifestXendOption[] {
  if (!tree.has(XEND_OPTIONS)) return [];
  const source = tree.read(XEND_OPTIONS);
  const found = new Map<string, ManifestXendOption>();
  const resolve = (value: PyValue | undefined): Pick<ManifestXendOption, 'default' | 'defaultExpression'> => {
    if (!value) return { default: null };
    if ('literal' in value) return { default: value.literal };
    if ('name' in value && value.name.startsWith('self.')) {
      // A class attribute, read from its own line: the parser joins adjacent strings across
      // lines, as inside brackets, and the docstring on the next line would join this one.
      const name = value.name.slice('self.'.length);
      const line = new RegExp(`^[ \\t]+${name}\\s*=.*$`, 'm').exec(source)?.[0];
      const attribute = line === undefined ? undefined : assignment(line, name, { indented: true });
      if (attribute && 'literal' in attribute.value) return { default: attribute.value.literal };
    }
    return { default: null, defaultExpression: 'name' in value ? value.name : 'text' in value ? value.text : JSON.stringify(value) };
  };
  for (const type of ['bool', 'int', 'string', 'value'] as const) {
    for (const call of calls(source, `self.get_config_${type}`, { anywhere: true })) {
      const key = str(call.positional[0]);
      if (!key || found.has(key)) continue;
      found.set(key, { key, file: XEND_OPTIONS, line: lineAt(source, call.offset), type, ...resolve(call.positional[1] ?? call.keywords.val) });
    }
  }
  return [...found.values()].sort((a, b) => a.line - b.line);
}
