import type { Literal, ManifestBootOption, ManifestBootOptionSite, XenManifest } from '../../schemas/xen-manifest.ts';
import type { SourceManifests } from '../xen-source/manifests.ts';
import { optionNames } from '../source-listing.ts';
import { closest, didYouMean, type Problem } from './problem.ts';
import { lineIndex } from './yaml-source.ts';
import { checkXendConfigBlocks, checkXendConfigRows } from './xend-config.ts';
import { blockLines, code, codeBlocks, leadingValue, removalNote, short, where, XEN_REPO, type CodeBlock, type ParsedDataFile } from './source-common.ts';

/**
 * Checks the site's facts against the source manifest (content/source/xen-3.4.json, made by
 * `npm run extract:xen`): the reference data rows, the code blocks of articles (the Xen line of
 * every menu.lst, the xm and xenpm commands, the keys of guest configuration files and of
 * xend-config.sxp, the latter in xend-config.ts), and every citation of the Xen tree. A fact
 * the manifest knows must agree with it.
 */

/** What the checks read. */
export interface SourceFactsInput {
  manifests: SourceManifests;
  /** Parsed list files by name (`boot-options.yaml`). */
  dataFiles: ReadonlyMap<string, ParsedDataFile>;
  /** The data files that may cite the Xen tree, with their text (articles: checkArticleSourceFacts). */
  texts: { file: string; text: string }[];
  /** The audit ledger, when the content folder has one. */
  ledger?: ParsedDataFile;
  /** The files the ledger must cover: path inside the content folder, and as shown in messages. */
  audited: { relative: string; file: string }[];
}

/** The site of an option that applies to x86 machines (the site covers x86 only). */
function x86Site(option: ManifestBootOption): ManifestBootOptionSite | undefined {
  const sites = option.sites.filter((site) => site.arch !== 'ia64');
  const values = new Set(sites.map((site) => JSON.stringify(site.initial)));
  return values.size === 1 ? sites[0] : undefined;
}

/** What a boolean's initial value means: on, off, or neither (-1 = decide at boot). */
function booleanState(site: ManifestBootOptionSite): 'on' | 'off' | undefined {
  if (site.initial !== 0 && site.initial !== 1) return undefined;
  const on = site.initial === 1;
  return (site.kind === 'invbool' ? !on : on) ? 'on' : 'off';
}

/** A literal as messages show it. */
const show = (value: Literal) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

/** Problems of the boot-options rows. */
function checkBootOptions(data: ParsedDataFile, manifests: SourceManifests): Problem[] {
  const problems: Problem[] = [];
  const options = new Map(manifests.current.bootOptions.map((option) => [option.name, option]));
  const previous = new Set(manifests.previous?.bootOptions.map((option) => option.name));
  data.entries.forEach((entry, index) => {
    const row = entry as { name?: unknown; default?: unknown; values?: unknown; removed?: unknown; commandLine?: unknown };
    if (typeof row.name !== 'string' || row.commandLine === 'dom0') return;
    const at = (field: string) => ({ file: data.file, ...data.yaml.locate([index, field]) });
    for (const name of optionNames(row.name)) {
      const option = options.get(name);
      if (row.removed === true) {
        if (option)
          problems.push({
            ...at('removed'),
            rule: 'source/removed',
            message: `${code(name)} is marked removed, but Xen 3.4 registers it at ${where(option.sites[0]!)}`,
            fix: 'delete `removed: true`',
          });
        else if (!previous.has(name))
          problems.push({
            ...at('name'),
            rule: 'source/removed',
            message: `${code(name)} is marked removed, but neither Xen 3.4 nor ${manifests.previous?.tree.name ?? 'the tree before it'} has it`,
            fix: 'remove the row; a removed option is listed only when it existed in the release before',
          });
        continue;
      }
      if (!option) {
        const removed = previous.has(name) ? removalNote(manifests, 'bootOptions', name) : '';
        problems.push({
          ...at('name'),
          rule: 'source/unknown-option',
          message: `${code(name)} is not a boot option in Xen 3.4${removed}; Xen ignores options it does not know, so it does nothing`,
          fix: removed
            ? 'remove the row, or mark it `removed: true` and say in `effect` that it does nothing in 3.4'
            : `remove the row${didYouMean(name, options.keys(), code)}; if it belongs to the Dom0 kernel, set \`commandLine: dom0\``,
        });
        continue;
      }
      const site = x86Site(option);
      if (!site) continue;
      if (typeof row.values === 'string' && (site.kind === 'boolean' || site.kind === 'invbool') && !/^flag\b/i.test(row.values)) {
        problems.push({
          ...at('values'),
          rule: 'source/values',
          message: `${code(name)} is a boolean option in Xen 3.4 (${site.kind}_param at ${where(site)}): it is switched on by naming it`,
          fix: `start \`values\` with "flag: ${name}"`,
        });
      }
      if (typeof row.values === 'string' && site.kind === 'integer' && !/^integer\b/i.test(row.values)) {
        problems.push({
          ...at('values'),
          rule: 'source/values',
          message: `${code(name)} takes an integer in Xen 3.4 (integer_param at ${where(site)})`,
          fix: 'start `values` with "integer"',
        });
      }
      if (typeof row.default !== 'string' || site.initial === undefined || optionNames(row.name).length > 1 || row.name.includes('=')) continue;
      const stated = leadingValue(row.default);
      const from = `${site.initialFrom === 'implicit' ? 'left at 0' : `initialised to ${show(site.initial)}`} at ${where(site)}`;
      if (site.kind === 'boolean' || site.kind === 'invbool') {
        const state = booleanState(site);
        if (state && stated.state !== state)
          problems.push({
            ...at('default'),
            rule: 'source/default',
            message: `${code(name)} is ${state} unless given (its variable is ${from})`,
            fix: `start \`default\` with "${state === 'on' ? 'On' : 'Off'}"`,
          });
      } else if (site.kind === 'integer' && typeof site.initial === 'number' && stated.number !== site.initial) {
        problems.push({
          ...at('default'),
          rule: 'source/default',
          message: `${code(name)} defaults to ${site.initial} in Xen 3.4 (${from})`,
          fix: `start \`default\` with ${site.initial}`,
        });
      } else if (site.kind === 'string' && typeof site.initial === 'string' && site.initial && !row.default.includes(site.initial)) {
        problems.push({
          ...at('default'),
          rule: 'source/default',
          message: `${code(name)} defaults to "${site.initial}" in Xen 3.4 (${from})`,
          fix: `say in \`default\` that it is ${code(site.initial)}`,
        });
      }
    }
  });
  return problems;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Problems of the xenpm and xm rows: the subcommand exists and its usage is the tool's. */
function checkCommands(data: ParsedDataFile, manifests: SourceManifests, tool: 'xenpm' | 'xm'): Problem[] {
  const problems: Problem[] = [];
  const commands = new Map(manifests.current[tool].map((command) => [command.name, command]));
  const previous = new Set(manifests.previous?.[tool].map((command) => command.name));
  data.entries.forEach((entry, index) => {
    const row = entry as { command?: unknown; arguments?: unknown; synopsis?: unknown; removed?: unknown };
    if (typeof row.command !== 'string') return;
    const at = (field: string) => ({ file: data.file, ...data.yaml.locate([index, field]) });
    const command = commands.get(row.command);
    if (!command) {
      if (row.removed === true && previous.has(row.command)) return;
      const removed = previous.has(row.command) ? removalNote(manifests, tool, row.command) : '';
      problems.push({
        ...at('command'),
        rule: 'source/unknown-command',
        message: `${tool} ${row.command} is not a subcommand of ${tool} in Xen 3.4${removed}`,
        fix: `remove the row${didYouMean(row.command, commands.keys())}`,
      });
      return;
    }
    if (row.removed === true) {
      problems.push({ ...at('removed'), rule: 'source/removed', message: `${tool} ${row.command} is marked removed, but Xen 3.4 has it (${where(command)})`, fix: 'delete `removed: true`' });
      return;
    }
    if (tool === 'xenpm' && typeof row.arguments === 'string' && normalise(row.arguments) !== normalise(command.args ?? '')) {
      problems.push({
        ...at('arguments'),
        rule: 'source/usage',
        message: `xenpm's help gives the arguments of ${row.command} as "${command.args}" (${where(command)}), not "${normalise(row.arguments)}"`,
        fix: `set \`arguments\` to "${command.args}"`,
      });
    }
    if (tool === 'xm' && typeof row.synopsis === 'string' && command.args !== null) {
      const usage = normalise(`xm ${row.command} ${command.args}`);
      const synopsis = normalise(row.synopsis);
      // Commands whose options live in their own parser (create, migrate) may list them after the usage.
      if (synopsis !== usage && !synopsis.startsWith(`${usage} `)) {
        problems.push({
          ...at('synopsis'),
          rule: 'source/usage',
          message: `xm help prints the usage of ${row.command} as "${usage}" (${where(command)}), not "${synopsis}"`,
          fix: `start \`synopsis\` with "${usage}"`,
        });
      }
    }
  });
  return problems;
}

/** Problems of the domain configuration rows: the key is one xm create reads, the default its own. */
function checkDomainConfig(data: ParsedDataFile, manifests: SourceManifests): Problem[] {
  const problems: Problem[] = [];
  const keys = new Map(manifests.current.domainConfig.map((key) => [key.name, key]));
  const previous = new Set(manifests.previous?.domainConfig.map((key) => key.name));
  data.entries.forEach((entry, index) => {
    const row = entry as { key?: unknown; default?: unknown; removed?: unknown };
    if (typeof row.key !== 'string') return;
    const at = (field: string) => ({ file: data.file, ...data.yaml.locate([index, field]) });
    const key = keys.get(row.key);
    if (!key) {
      if (row.removed === true && previous.has(row.key)) return;
      problems.push({
        ...at('key'),
        rule: 'source/unknown-key',
        message: `${code(row.key)} is not a key xm create reads in Xen 3.4${previous.has(row.key) ? removalNote(manifests, 'domainConfig', row.key) : ''}; a configuration file may set it, but nothing reads it`,
        fix: `remove the row${didYouMean(row.key, keys.keys(), code)}`,
      });
      return;
    }
    if (typeof row.default !== 'string') return;
    // The value that applies when the key is left out: create.py's, else xend's single fallback.
    const xend = new Set(key.xendDefaults.map((d) => JSON.stringify(d.value)));
    const known =
      typeof key.default === 'number'
        ? { value: key.default, from: `create.py's default at ${where(key)}` }
        : key.default === null && key.declared && xend.size === 1 && typeof key.xendDefaults[0]!.value === 'number'
          ? { value: key.xendDefaults[0]!.value, from: `xend's fallback at ${where(key.xendDefaults[0]!)}; create.py leaves it unset at ${where(key)}` }
          : undefined;
    if (known && leadingValue(row.default).number !== known.value) {
      problems.push({
        ...at('default'),
        rule: 'source/default',
        message: `when ${code(row.key)} is left out, Xen 3.4 uses ${known.value} (${known.from})`,
        fix: `start \`default\` with ${known.value}; an example file's value is not the default`,
      });
    }
  });
  return problems;
}

/** The options on the Xen `kernel` line of every menu.lst block of an article. */
function checkMenuLst(file: string, blocks: CodeBlock[], manifests: SourceManifests): Problem[] {
  const problems: Problem[] = [];
  const options = new Set(manifests.current.bootOptions.map((option) => option.name));
  const previous = new Set(manifests.previous?.bootOptions.map((option) => option.name));
  for (const { text, line, column: start } of blocks.flatMap(blockLines)) {
    // GRUB legacy loads Xen with `kernel /boot/xen….gz <Xen options>`; the Dom0 kernel is a module.
    const kernel = /^(\s*kernel\s+(\S*\/xen[^\s/]*))(.*)$/.exec(text);
    if (!kernel || /vmlinuz/.test(kernel[2]!)) continue;
    let column = kernel[1]!.length;
    for (const token of kernel[3]!.split(/(\s+)/)) {
      const here = column;
      column += token.length;
      if (!token.trim() || /[<>[\]…]|\.\.\./.test(token)) continue;
      const name = token.split('=')[0]!;
      const base = name.startsWith('no-') && options.has(name.slice(3)) ? name.slice(3) : name;
      if (options.has(base)) continue;
      const removed = previous.has(base) ? removalNote(manifests, 'bootOptions', base) : '';
      problems.push({
        file,
        line,
        column: here + start,
        rule: 'source/menu-lst',
        message: `the Xen line passes ${code(token)}, but ${code(base)} is not a boot option in Xen 3.4${removed}; Xen ignores it without a word`,
        fix: removed
          ? `remove ${code(token)}`
          : `remove ${code(token)}${didYouMean(base, options, code)}; options for the Dom0 kernel go on the first module line`,
      });
    }
  }
  return problems;
}

/** What each tool does with a subcommand it does not know (xm/main.py:2982-2983, xenpm.c's main). */
const UNKNOWN_SUBCOMMAND = {
  xm: (name: string) => `xm answers \`Error: Subcommand ${name} not found!\` and its usage`,
  xenpm: () => 'xenpm prints its help and does nothing',
} as const;

/**
 * Shell blocks: every line that runs `xm <subcommand>` or `xenpm <subcommand>` names a
 * subcommand the 3.4 tool has, or, as both tools allow, the start of exactly one.
 */
function checkToolCommands(file: string, blocks: CodeBlock[], manifests: SourceManifests, tool: 'xm' | 'xenpm'): Problem[] {
  const problems: Problem[] = [];
  const commands = new Set(manifests.current[tool].map((command) => command.name));
  const previous = new Set(manifests.previous?.[tool].map((command) => command.name));
  const runs = new RegExp(`^(\\s*${tool}\\s+)([a-z][\\w-]*)`);
  for (const block of blocks.filter((b) => b.lang === 'sh' || b.lang === 'bash')) {
    for (const { text, line, column } of blockLines(block)) {
      const run = runs.exec(text);
      if (!run || commands.has(run[2]!)) continue;
      const name = run[2]!;
      if (name.length > 1 && [...commands].filter((command) => command.startsWith(name)).length === 1) continue;
      const removed = previous.has(name) ? removalNote(manifests, tool, name) : '';
      problems.push({
        file,
        line,
        column: column + run[1]!.length,
        rule: `source/${tool}-command`,
        message: `${code(`${tool} ${name}`)} is not a subcommand of ${tool} in Xen 3.4${removed}; ${UNKNOWN_SUBCOMMAND[tool](name)}`,
        fix: `use a subcommand of ${tool} 3.4${didYouMean(name, commands, (match) => code(`${tool} ${match}`))}, or move a later tool's command into a "later versions" callout`,
      });
    }
  }
  return problems;
}

/**
 * Guest configuration files (Python blocks titled /etc/xen/…): every key is one xm create reads.
 * The file is Python, so a name the file itself reads again (`arch_libdir` in xmexample.hvm) is a
 * helper variable, not a key.
 */
function checkConfigKeys(file: string, blocks: CodeBlock[], manifests: SourceManifests): Problem[] {
  const problems: Problem[] = [];
  const keys = new Set(manifests.current.domainConfig.map((key) => key.name));
  const previous = new Set(manifests.previous?.domainConfig.map((key) => key.name));
  const isGuestConfig = (block: CodeBlock) => block.lang === 'python' && /\btitle="\/etc\/xen\//.test(block.meta ?? '') && !/xend-config/.test(block.meta ?? '');
  for (const block of blocks.filter(isGuestConfig)) {
    const lines = blockLines(block);
    const readLater = (name: string, index: number) =>
      lines.slice(index + 1).some(({ text }) => new RegExp(`\\b${name}\\b`).test(text.replace(new RegExp(`^\\s*${name}\\s*=(?!=)`), '')));
    for (const [index, { text, line, column }] of lines.entries()) {
      // A key starts a line; the lines of a value that runs on (a list over several lines) do not.
      const assignment = /^([A-Za-z_]\w*)\s*=(?!=)/.exec(text);
      if (!assignment || keys.has(assignment[1]!) || readLater(assignment[1]!, index)) continue;
      const key = assignment[1]!;
      const removed = previous.has(key) ? removalNote(manifests, 'domainConfig', key) : '';
      problems.push({
        file,
        line,
        column,
        rule: 'source/config-key',
        message: `${code(key)} is not a key xm create reads in Xen 3.4${removed}; a configuration file may set it, but nothing reads it`,
        fix: `use a key of xm create${didYouMean(key, keys, code)}, or show the file as \`text\` if the point is that the key is ignored`,
      });
    }
  }
  return problems;
}

const CITATION = /https:\/\/github\.com\/xen-project\/xen\/(blob|tree|commit)\/([0-9A-Za-z._-]+)(\/[^\s)"'`>\]]*)?/g;

/** Later-version callouts, where links to later trees belong: [start, end) offsets. */
function laterCallouts(text: string): [number, number][] {
  return [...text.matchAll(/<Callout\b[^>]*type="later"[^>]*>[\s\S]*?<\/Callout>/g)].map((m) => [m.index, m.index + m[0].length]);
}

/** Every link into the Xen tree: at a commit the site has a manifest for, to a file and line that exist. */
function checkCitations(file: string, text: string, manifests: SourceManifests): Problem[] {
  const problems: Problem[] = [];
  const position = lineIndex(text);
  const trees = [manifests.current, manifests.previous].filter((m): m is XenManifest => Boolean(m));
  const later = laterCallouts(text);
  const fixedUrl = (path: string) => `${XEN_REPO}/blob/${manifests.current.tree.commit}/${path}#L<line>`;
  for (const match of text.matchAll(CITATION)) {
    const [url, kind, ref, rest = ''] = match as unknown as [string, string, string, string | undefined];
    const at = { file, ...position(match.index), rule: 'source/citation' };
    if (kind === 'commit') {
      if (!/^[0-9a-f]{10,40}$/.test(ref))
        problems.push({
          ...at,
          message: `${url} does not name a commit by 10 or more hexadecimal digits`,
          fix: 'link the commit by the first 10 or more digits of its id (git log --format=%h --abbrev=12), such as …/commit/ddf4a60539',
        });
      continue;
    }
    const tree = trees.find((t) => t.tree.commit === ref);
    if (!tree) {
      if (later.some(([start, end]) => match.index >= start && match.index < end)) continue;
      problems.push({
        ...at,
        message: `${url} cites the Xen tree at ${ref}, not at the 3.4 branch point`,
        fix: `cite the 3.4 tree: ${fixedUrl(rest.slice(1).split('#')[0] || '<path>')}, checking the line there; a later tree belongs in a <Callout type="later">`,
      });
      continue;
    }
    const [path = '', anchor] = rest.slice(1).split('#');
    if (kind === 'tree') {
      const folder = path.replace(/\/$/, '');
      if (folder && !Object.keys(tree.files).some((f) => f.startsWith(`${folder}/`)))
        problems.push({ ...at, message: `the folder ${folder} does not exist in the ${tree.tree.name} tree`, fix: 'check the path' });
      continue;
    }
    const lines = tree.files[path];
    if (lines === undefined) {
      const guess = closest(path, Object.keys(tree.files));
      problems.push({
        ...at,
        message: `${path} is not a file of the ${tree.tree.name} tree`,
        fix: guess ? `did you mean ${guess}?` : 'find the file in the tree at that commit and correct the path',
      });
      continue;
    }
    const range = /^L(\d+)(?:-L(\d+))?$/.exec(anchor ?? '');
    if (!range) {
      problems.push({
        ...at,
        message: `the citation of ${path} does not say which line proves the claim`,
        fix: `add the line: ${url.split('#')[0]}#L<line> (or #L<first>-L<last>)`,
      });
      continue;
    }
    const last = Number(range[2] ?? range[1]);
    if (Number(range[1]) < 1 || last > lines || (range[2] && Number(range[2]) < Number(range[1])))
      problems.push({
        ...at,
        message: `${path} has ${lines} lines in the ${tree.tree.name} tree, so #${anchor} points nowhere`,
        fix: 'find the line again in the tree at that commit',
      });
  }
  return problems;
}

/** The ledger has one row per article and data file, and no row for a file that does not exist. */
function checkLedger(ledger: ParsedDataFile, audited: SourceFactsInput['audited']): Problem[] {
  const problems: Problem[] = [];
  const rows = new Map<string, number>();
  ledger.entries.forEach((entry, index) => {
    const file = (entry as { file?: unknown }).file;
    if (typeof file === 'string') rows.set(file, index);
  });
  const files = new Set(audited.map(({ relative }) => relative));
  for (const { relative, file } of audited) {
    if (rows.has(relative)) continue;
    problems.push({
      file,
      line: 1,
      column: 1,
      rule: 'source/ledger',
      message: `${relative} has no row in the source audit ledger (${ledger.file})`,
      fix: `add a row with file: ${relative}, how many claims you checked against the Xen 3.4 source, how many you corrected, and what the source cannot settle (CONTRIBUTING.md, "Checking facts against the source")`,
    });
  }
  for (const [relative, index] of rows) {
    if (files.has(relative)) continue;
    problems.push({
      file: ledger.file,
      ...ledger.yaml.locate([index, 'file']),
      rule: 'source/ledger',
      message: `the ledger has a row for ${relative}, which is not an article or data file`,
      fix: `correct the path${didYouMean(relative, files)}, or remove the row of a file that was deleted`,
    });
  }
  return problems;
}

/** Every problem of one article's facts against the manifests: its code blocks and its links into the tree. */
export function checkArticleSourceFacts(file: string, source: string, manifests: SourceManifests): Problem[] {
  const blocks = codeBlocks(source);
  return [
    ...checkMenuLst(file, blocks, manifests),
    ...checkToolCommands(file, blocks, manifests, 'xm'),
    ...checkToolCommands(file, blocks, manifests, 'xenpm'),
    ...checkConfigKeys(file, blocks, manifests),
    ...checkXendConfigBlocks(file, blocks, manifests),
    ...checkCitations(file, source, manifests),
  ];
}

/** Every problem of the data files' facts against the manifests (the articles': checkArticleSourceFacts). */
export function checkSourceFacts(input: SourceFactsInput): Problem[] {
  const { manifests, dataFiles } = input;
  const problems: Problem[] = [];
  const data = (name: string) => dataFiles.get(name);
  if (data('boot-options.yaml')) problems.push(...checkBootOptions(data('boot-options.yaml')!, manifests));
  if (data('xenpm.yaml')) problems.push(...checkCommands(data('xenpm.yaml')!, manifests, 'xenpm'));
  if (data('xm-commands.yaml')) problems.push(...checkCommands(data('xm-commands.yaml')!, manifests, 'xm'));
  if (data('domain-config.yaml')) problems.push(...checkDomainConfig(data('domain-config.yaml')!, manifests));
  if (data('xend-config.yaml')) problems.push(...checkXendConfigRows(data('xend-config.yaml')!, manifests));
  for (const { file, text } of input.texts) problems.push(...checkCitations(file, text, manifests));
  if (input.ledger) problems.push(...checkLedger(input.ledger, input.audited));
  return problems;
}
