import { platformsOf, type ChangeCategory, type Literal, type ManifestBootOption, type Platform, type XenChange, type XenManifest } from '../schemas/xen-manifest.ts';
import type { BOOT_AREAS } from '../schemas/data.ts';
import type { LedgerEntry } from '../schemas/ledger.ts';
import type { Source } from '../schemas/source.ts';
import { commitUrl, sourceUrl, type SourceManifests } from './xen-source/manifests.ts';
import { paginate, type ListPage } from './pagination.ts';

/**
 * The reference pages list everything the source manifest knows: the rows someone has explained
 * (the data files) and, for the rest, the facts read from the source with a link to them. This
 * module decides which manifest entries have no explained row, how they are grouped and where
 * each entry's anchor is, so the change list can link to it.
 */

/** Groups of the boot-options reference (BOOT_AREAS in the data schema), as headings name them. */
export const BOOT_AREA_LABELS: Record<BootArea, string> = {
  power: 'power management',
  ras: 'RAS',
  passthrough: 'PCI passthrough',
  'console-memory': 'console, memory and Dom0',
  platform: 'CPU, interrupts and platform',
  security: 'security (XSM, ACM, tboot)',
  debug: 'debugging and tracing',
  ia64: 'IA-64 only',
};
/** A group of the boot-options reference. */
export type BootArea = (typeof BOOT_AREAS)[number];

/** Where an option without an explained row is listed, by the file that registers it (first match). */
const AREA_BY_FILE: [RegExp, BootArea][] = [
  [/^xen\/arch\/ia64\//, 'ia64'],
  [/^xen\/xsm\/|^xen\/arch\/x86\/tboot\.c$/, 'security'],
  [/^xen\/arch\/x86\/cpu\/mcheck\//, 'ras'],
  [/^xen\/drivers\/passthrough\//, 'passthrough'],
  [/^xen\/(arch\/x86\/acpi\/|drivers\/cpufreq\/|arch\/x86\/hpet\.c|common\/(timer|schedule|sched_credit)\.c)/, 'power'],
  [/^xen\/common\/(gdbstub|trace)\.c|^xen\/arch\/x86\/traps\.c/, 'debug'],
  [/^xen\/drivers\/(char|video)\/|^xen\/arch\/x86\/(domain_build|e820|mm)\.c|^xen\/common\/(page_alloc|domain|grant_table)\.c/, 'console-memory'],
];
/** Options whose file says less than their purpose. */
const AREA_BY_NAME: Record<string, BootArea> = {
  hvm_debug: 'debug',
  debugtrace: 'debug',
  crashkernel: 'debug',
  badpage: 'ras',
  cpufreq: 'power',
};

/** The group an option is listed in when it has no explained row. */
export function bootOptionArea(option: ManifestBootOption): BootArea {
  if (AREA_BY_NAME[option.name]) return AREA_BY_NAME[option.name]!;
  if (option.sites.every((site) => site.arch === 'ia64')) return 'ia64';
  const file = option.sites.find((site) => site.arch !== 'ia64')?.file ?? option.sites[0]!.file;
  return AREA_BY_FILE.find(([pattern]) => pattern.test(file))?.[1] ?? 'platform';
}

/** The main page of the boot-options reference, where the explained rows are. */
export const BOOT_OPTIONS_URL = '/reference/boot-options/';

/**
 * Lists whose "listed from the source" rows are on a page of their own, and that page. The boot
 * options are: with their tables in each area the reference page was over the 20 KB page
 * budget, so each area there names the options it does not explain and links to their rows. So
 * are the domain configuration keys: with their table, the article's first visit was over 30 KB;
 * and the xm commands, whose reference was at that budget with them.
 */
export const SOURCE_LISTING_PAGES: Readonly<Partial<Record<'boot-options' | 'xm' | 'xenpm' | 'domain-config', string>>> = {
  'boot-options': '/reference/boot-options/from-source/',
  'domain-config': '/reference/domain-configuration/from-source/',
  xm: '/reference/xm-commands/from-source/',
};

/**
 * The page each area's explained options are on, where it is not the reference page. The power
 * options have a page of their own: with them, the reference was at the 20 KB page budget. So do
 * the CPU and platform options, which the reference was too close to that budget to take.
 */
export const BOOT_AREA_PAGES: Readonly<Partial<Record<BootArea, string>>> = {
  power: '/reference/power-management-boot-options/',
  platform: '/reference/cpu-and-platform-boot-options/',
};

/** The page an area's explained rows are on. */
export function bootAreaUrl(area: BootArea): string {
  return BOOT_AREA_PAGES[area] ?? BOOT_OPTIONS_URL;
}

/** An explained boot option as links need it: its row's name and its area. */
export type ExplainedBootOption = { name: string; area: BootArea };

/**
 * Where a boot option is described: its explained row (on its area's page), else its row on
 * the page of options listed from the source.
 */
export function bootOptionUrl(name: string, explained: Iterable<ExplainedBootOption>): string {
  const row = [...explained].find((r) => optionNames(r.name).includes(name) || r.name === name);
  if (row) return `${bootAreaUrl(row.area)}#${anchorOf('opt-', row.name)}`;
  return `${SOURCE_LISTING_PAGES['boot-options']}#${anchorOf('opt-', name)}`;
}

/** The main page of the domain-configuration reference, where the explained common keys are. */
export const DOMAIN_CONFIG_URL = '/reference/domain-configuration/';

/**
 * The page each kind of guest's explained keys are on. The HVM keys and then the PV keys got
 * pages of their own: with them, the reference's first visit went over the 30 KB article budget.
 */
export const DOMAIN_CONFIG_PAGES = { pv: '/reference/pv-guest-configuration/', both: DOMAIN_CONFIG_URL, hvm: '/reference/hvm-guest-configuration/' } as const;

/**
 * Where a domain configuration key is described: its explained row (the first of `explained`
 * for the key, PV, HVM or both), else its row on the page of keys listed from the source.
 */
export function configKeyUrl(key: string, explained: readonly { key: string; guest: 'pv' | 'hvm' | 'both' }[]): string {
  const row = explained.find((r) => r.key === key);
  if (row) return `${DOMAIN_CONFIG_PAGES[row.guest]}#${anchorOf(`cfg-${row.guest}-`, key)}`;
  return `${SOURCE_LISTING_PAGES['domain-config']}#${anchorOf('cfg-src-', key)}`;
}

/** The xend-config.sxp reference, where every setting xend reads has a row. */
export const XEND_CONFIG_URL = '/reference/xend-configuration/';

/** Where a setting of xend-config.sxp is described: its row on the reference. */
export function xendSettingUrl(key: string): string {
  return `${XEND_CONFIG_URL}#${anchorOf('xend-', key)}`;
}

/** The main page of the xm reference, where the explained commands are. */
export const XM_COMMANDS_URL = '/reference/xm-commands/';

/**
 * Where an xm command is described: its explained row on the reference page, else its row on
 * the page of commands listed from the source (`explained` holds the explained commands).
 */
export function xmCommandUrl(name: string, explained: Iterable<string>): string {
  const page = [...explained].includes(name) ? XM_COMMANDS_URL : SOURCE_LISTING_PAGES.xm;
  return `${page}#${anchorOf('xm-', name)}`;
}

/** The anchor of a name in a table: `opt-` + `com1 / com2` → `opt-com1-com2`. */
export function anchorOf(prefix: string, name: string): string {
  return prefix + name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The option names an explained row covers: `com1 / com2` → both, `iommu=pv` → iommu. */
export function optionNames(name: string): string[] {
  return name.split(/\s+\/\s+/).map((part) => part.split('=')[0]!.trim());
}

/** A row of a "listed from the source" table, in the shape RefTable renders. */
export interface ListedRow extends Record<string, unknown> {
  name: string;
  sources: Source[];
}

/** How a boot option's initial value reads: on, off, 50000, "vga", empty, or the expression. */
export function initialValue(option: ManifestBootOption): string {
  const site = option.sites.find((s) => s.arch !== 'ia64') ?? option.sites[0]!;
  if (site.kind === 'custom') return `set by its parser, ${site.variable}()`;
  if (site.initial === undefined) return site.initialExpression ? `\`${site.initialExpression}\` (computed at build time)` : '—';
  const literal: Literal = site.initial;
  if (site.kind === 'boolean' || site.kind === 'invbool') {
    const on = site.kind === 'invbool' ? literal === 0 : literal === 1;
    if (literal === 0 || literal === 1) return on ? 'on' : 'off';
    return `${String(literal)} (decided at boot)`;
  }
  if (typeof literal === 'string') return literal ? `\`${literal}\`` : 'empty';
  return String(literal);
}

const KIND_LABELS = { boolean: 'flag', invbool: 'flag (inverted)', integer: 'integer', string: 'string', custom: 'custom syntax', size: 'size' } as const;

const PLATFORM_LABELS: Record<Platform, string> = { x86_32: '32-bit x86', x86_64: '64-bit x86', ia64: 'IA-64' };

/**
 * Which builds of Xen have an option, from each registration's folder and build needs: `x86 and
 * IA-64`, `64-bit x86` (the VESA options), `x86 and IA-64, with make crash_debug=y` (gdb), or
 * none as shipped (debugtrace, whose #define is commented out).
 */
export function builtFor(option: ManifestBootOption): string {
  const platforms = new Set<Platform>();
  const options = new Set<string>();
  const defines = new Set<string>();
  for (const site of option.sites) {
    let allowed = platformsOf(site.arch);
    for (const need of site.needs ?? []) {
      if ('arch' in need) allowed = allowed.filter((platform) => platformsOf(need.arch).includes(platform));
      else if ('option' in need) options.add(`with \`make ${need.option}=y\``);
      else defines.add(`once \`${need.define}\` is defined: its \`#define\` is commented out in ${need.file}, line ${need.line}`);
    }
    allowed.forEach((platform) => platforms.add(platform));
  }
  const x86 = platforms.has('x86_32') && platforms.has('x86_64');
  const names = [...(x86 ? ['x86'] : []), ...[...platforms].filter((p) => !(x86 && p !== 'ia64')).map((p) => PLATFORM_LABELS[p])];
  const built = [names.join(' and '), ...options, ...defines].join(', ');
  return defines.size > 0 ? `none as shipped (${built})` : built;
}

/** Where a manifest entry is defined, as a source a reader can open. */
function definedAt(manifest: XenManifest, file: string, line: number, extra = ''): Source {
  return { title: `${file}, line ${line}${extra}`, url: sourceUrl(manifest, file, line) };
}

/** Boot options of one group that no explained row covers. */
export function unexplainedBootOptions(manifest: XenManifest, explained: Iterable<string>, area: BootArea): ListedRow[] {
  const covered = new Set([...explained].flatMap(optionNames));
  return manifest.bootOptions
    .filter((option) => !covered.has(option.name) && bootOptionArea(option) === area)
    .map((option) => {
      const site = option.sites.find((s) => s.arch !== 'ia64') ?? option.sites[0]!;
      return {
        name: option.name,
        kind: KIND_LABELS[option.kind],
        initial: initialValue(option),
        built: builtFor(option),
        sources: [definedAt(manifest, site.file, site.line, option.sites.length > 1 ? ` (and ${option.sites.length - 1} more)` : '')],
      };
    });
}

/** The groups of `xm help`, in page order, and the rest. */
export const XM_GROUP_LABELS = {
  domain: 'domains',
  host: 'the host',
  scheduler: 'schedulers',
  device: 'virtual devices',
  vnet: 'virtual networks (vnet)',
  acm: 'security labels (ACM)',
  other: 'other commands and aliases',
} as const;
/** A group of the xm reference. */
export type XmGroup = keyof typeof XM_GROUP_LABELS;

/** The group an xm subcommand belongs to. */
export function xmGroup(command: XenManifest['xm'][number]): XmGroup {
  return (command.group ?? 'other') as XmGroup;
}

/** xm subcommands of one group that no explained row covers. */
export function unexplainedXmCommands(manifest: XenManifest, explained: Iterable<string>, group: XmGroup): ListedRow[] {
  const covered = new Set(explained);
  return manifest.xm
    .filter((command) => !covered.has(command.name) && xmGroup(command) === group)
    .map((command) => ({
      name: command.name,
      usage: command.aliasOf ? `xm ${command.name} (an old name for xm ${command.aliasOf})` : command.args === null ? `xm ${command.name}` : `xm ${command.name} ${command.args}`.trim(),
      summary: command.aliasOf
        ? `Prints "Command ${command.name} is deprecated" and runs \`xm ${command.aliasOf}\`.`
        : command.summary ?? 'No help entry: `xm help` does not list it.',
      options: command.options.map((option) => [option.short, option.long].filter(Boolean).join(', ')).join('; '),
      sources: [definedAt(manifest, command.file, command.line)],
    }));
}

/** Domain configuration keys that no explained row covers, alphabetically. */
export function unexplainedConfigKeys(manifest: XenManifest, explained: Iterable<string>): ListedRow[] {
  const covered = new Set(explained);
  return manifest.domainConfig
    .filter((key) => !covered.has(key.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((key) => {
      const fallback = [...new Set(key.xendDefaults.map((d) => JSON.stringify(d.value)))];
      const createDefault =
        key.default === null ? (key.defaultExpression ? `\`${key.defaultExpression}\`` : 'not set') : `\`${JSON.stringify(key.default).replace(/^"(.*)"$/, "'$1'")}\``;
      return {
        name: key.name,
        values: key.values || '—',
        default: fallback.length === 1 && key.default === null ? `${createDefault}; xend then uses \`${fallback[0]!.replace(/^"(.*)"$/, "'$1'")}\`` : createDefault,
        help: key.declared ? key.help || '—' : 'No gopts.var: create.py passes it to xend for HVM guests when the configuration file sets it, or when the file does not and it is given as name=value on the xm create command line.',
        sources: [definedAt(manifest, key.file, key.line)],
      };
    });
}

/** xenpm subcommands that no explained row covers. */
export function unexplainedXenpm(manifest: XenManifest, explained: Iterable<string>): ListedRow[] {
  const covered = new Set(explained);
  return manifest.xenpm
    .filter((command) => !covered.has(command.name))
    .map((command) => ({
      name: command.name,
      arguments: command.args || '—',
      summary: command.summary || (command.name === 'help' ? 'Prints the list of subcommands (the same as running xenpm with none).' : '—'),
      sources: [definedAt(manifest, command.file, command.line)],
    }));
}

/** The explained rows of each list, as the reference pages render them. */
export interface ExplainedRows {
  bootOptions: readonly ExplainedBootOption[];
  xm: readonly { command: string }[];
  xenpm: readonly { command: string }[];
  domainConfig: readonly { key: string; guest: 'pv' | 'hvm' | 'both' }[];
}

/**
 * The names of a source listing that the reference page explains, each under the anchor its row
 * has on the listing page when it is not explained, and linking to its explained row: a link to
 * a name made before its row was written still leads to it.
 */
export function explainedSourceNames(
  manifest: XenManifest,
  explained: Pick<ExplainedRows, 'bootOptions' | 'domainConfig' | 'xm'>,
  list: 'boot-options' | 'domain-config' | 'xm',
): { name: string; anchor: string; href: string }[] {
  if (list === 'xm') {
    const commands = explained.xm.map((row) => row.command);
    return manifest.xm
      .map((command) => command.name)
      .filter((name) => commands.includes(name))
      .sort((a, b) => a.localeCompare(b))
      .map((name) => ({ name, anchor: anchorOf('xm-', name), href: xmCommandUrl(name, commands) }));
  }
  if (list === 'boot-options') {
    const covered = new Set(explained.bootOptions.flatMap((row) => optionNames(row.name)));
    return [...new Set(manifest.bootOptions.map((option) => option.name))]
      .filter((name) => covered.has(name))
      .sort((a, b) => a.localeCompare(b))
      .map((name) => ({ name, anchor: anchorOf('opt-', name), href: bootOptionUrl(name, explained.bootOptions) }));
  }
  const keys = new Set(explained.domainConfig.map((row) => row.key));
  return manifest.domainConfig
    .map((key) => key.name)
    .filter((name) => keys.has(name))
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({ name, anchor: anchorOf('cfg-src-', name), href: configKeyUrl(name, explained.domainConfig) }));
}

/** Where the reference pages show a name of the manifest: page and anchor. */
export function referenceLink(category: ChangeCategory, name: string, manifest: XenManifest, explained: ExplainedRows): string | undefined {
  switch (category) {
    case 'bootOptions': {
      const known = explained.bootOptions.some((r) => optionNames(r.name).includes(name)) || manifest.bootOptions.some((o) => o.name === name);
      return known ? bootOptionUrl(name, explained.bootOptions) : undefined;
    }
    case 'xm':
      return manifest.xm.some((c) => c.name === name) ? xmCommandUrl(name, explained.xm.map((r) => r.command)) : undefined;
    case 'xenpm':
      return manifest.xenpm.some((c) => c.name === name) ? `/reference/xenpm/#${anchorOf('xenpm-', name)}` : undefined;
    case 'domainConfig':
      return explained.domainConfig.some((r) => r.key === name) || manifest.domainConfig.some((k) => k.name === name) ? configKeyUrl(name, explained.domainConfig) : undefined;
    case 'xendConfig':
      // Every setting xend reads has a row on the xend-config.sxp reference (the content check sees to it).
      return manifest.xendOptions.some((option) => option.key === name) ? xendSettingUrl(name) : undefined;
  }
}

/** One entry of the change list as the page shows it. */
export interface ChangeRow {
  name: string;
  change: XenChange['change'];
  /** The row on a reference page (added names), or the source line in the older tree (removed ones). */
  href?: string;
  commit?: { id: string; url: string; subject: string };
  /** Older commits that also changed a removed name, newest first. */
  also: { id: string; url: string; subject: string }[];
}

/** Where a removed name was defined in the older tree. */
function previousSite(previous: XenManifest, category: ChangeCategory, name: string): string | undefined {
  const at = (file: string, line: number) => sourceUrl(previous, file, line);
  switch (category) {
    case 'bootOptions': {
      const site = previous.bootOptions.find((o) => o.name === name)?.sites[0];
      return site && at(site.file, site.line);
    }
    case 'xm':
    case 'xenpm': {
      const command = previous[category].find((c) => c.name === name);
      return command && at(command.file, command.line);
    }
    case 'domainConfig': {
      const key = previous.domainConfig.find((k) => k.name === name);
      return key && at(key.file, key.line);
    }
    case 'xendConfig': {
      const key = previous.xendConfig.find((k) => k.key === name);
      return key && at('tools/examples/xend-config.sxp', key.line);
    }
  }
}

/** The change list of one category, added first, each entry with its link and commit. */
export function changeRows(manifests: SourceManifests, category: ChangeCategory, explained: ExplainedRows): ChangeRow[] {
  const { current, previous, changes } = manifests;
  return (changes?.changes ?? [])
    .filter((change) => change.category === category)
    .sort((a, b) => (a.change === b.change ? a.name.localeCompare(b.name) : a.change === 'added' ? -1 : 1))
    .map((change) => ({
      name: change.name,
      change: change.change,
      href:
        change.change === 'added'
          ? (referenceLink(category, change.name, current, explained) ??
            (category === 'xendConfig'
              ? sourceUrl(current, 'tools/examples/xend-config.sxp', current.xendConfig.find((k) => k.key === change.name)?.line)
              : undefined))
          : previous && previousSite(previous, category, change.name),
      commit: change.commit ? commitLink(change.commit, change.subject) : undefined,
      also: (change.also ?? []).map(({ commit, subject }) => commitLink(commit, subject)),
    }));
}

/** How a change list joins the older commits of a name removed in steps to the newest one, then to each other. */
export const ALSO_JOINERS = { first: '; earlier, also ', next: ', ' } as const;

/** A commit as a change list shows it: short id, link and the first sentence of its subject. */
function commitLink(commit: string, subject = ''): { id: string; url: string; subject: string } {
  return { id: commit.slice(0, 10), url: commitUrl(commit), subject: subject.split(/\.\s|\n/)[0]?.replace(/\.$/, '') ?? '' };
}

/** What the change list of each category is called. */
export const CHANGE_LABELS: Record<ChangeCategory, string> = {
  bootOptions: 'Boot options',
  xenpm: 'xenpm subcommands',
  xm: 'xm subcommands',
  domainConfig: 'Domain configuration keys',
  xendConfig: 'xend-config.sxp settings',
};

/** The caption of a change list: "Boot options: 12 added, 3 removed between 3.3 and 3.4". */
export function changesCaption(category: ChangeCategory, rows: readonly ChangeRow[]): string {
  const added = rows.filter((row) => row.change === 'added').length;
  return `${CHANGE_LABELS[category]}: ${added} added, ${rows.length - added} removed between 3.3 and 3.4`;
}

/** What a change list says when nothing of its category changed. */
export function noChangesText(category: ChangeCategory): string {
  return `No ${CHANGE_LABELS[category].replace(/^\w/, (c) => c.toLowerCase())} were added or removed between Xen 3.3 and 3.4: the two trees list the same names.`;
}

/** The ledger's rows in the order the audit page lists them: by file. */
export function ledgerRows(entries: readonly LedgerEntry[]): LedgerEntry[] {
  return [...entries].sort((a, b) => a.file.localeCompare(b.file));
}

/** The audit page, which shows the ledger's first rows; the others follow on its numbered pages. */
export const LEDGER_URL = '/reference/source-audit/';

/** Ledger rows per page: one row is about 60 bytes of gzipped HTML, so a page stays well inside its budget. */
export const LEDGER_PAGE_SIZE = 100;

/** The ledger over pages: the first on the audit page, the others at /reference/source-audit/page/N/. */
export function ledgerPages(entries: readonly LedgerEntry[], perPage = LEDGER_PAGE_SIZE): ListPage<LedgerEntry>[] {
  return paginate(ledgerRows(entries), LEDGER_URL, perPage);
}

/**
 * The caption of one page of the ledger: the totals of every row, then, when the ledger has
 * more than one page, which rows this one shows ("Rows 101–200 of 10,067.").
 */
export function ledgerPageCaption(entries: readonly LedgerEntry[], { items, offset, pagination }: ListPage<LedgerEntry>): string {
  const totals = ledgerCaption(entries);
  if (pagination.total <= 1) return totals;
  const n = (value: number) => value.toLocaleString('en-GB');
  return `${totals}. Rows ${n(offset + 1)}–${n(offset + items.length)} of ${n(entries.length)}.`;
}

/** The ledger's caption: how many files, claims checked, corrected and left to other sources. */
export function ledgerCaption(rows: readonly LedgerEntry[]): string {
  const sum = (pick: (row: LedgerEntry) => number) => rows.reduce((total, row) => total + pick(row), 0).toLocaleString('en-GB');
  return `${rows.length} files: ${sum((r) => r.checked)} claims checked, ${sum((r) => r.corrected)} corrected, ${sum((r) => r.unverifiable.length)} left to sources outside the tree`;
}

/** How a ledger row's "Checked" cell reads. */
export function ledgerChecked(row: LedgerEntry): string {
  return row.checked === 0 ? 'not yet audited' : String(row.checked);
}

/** The page that shows an audited file: an article's own page, or the page a data file feeds. */
export function ledgerPage(file: string): string | undefined {
  const article = /^articles\/(.+)\.mdx$/.exec(file);
  if (article) return `/${article[1]}/`;
  if (file.startsWith('products/')) return '/comparisons/client-hypervisors-2009/';
  return DATA_FILE_PAGES[file];
}
const DATA_FILE_PAGES: Record<string, string> = {
  'boot-options.yaml': BOOT_OPTIONS_URL,
  'xenpm.yaml': '/reference/xenpm/',
  'xm-commands.yaml': '/reference/xm-commands/',
  'domain-config.yaml': DOMAIN_CONFIG_URL,
  'xend-config.yaml': XEND_CONFIG_URL,
  'glossary.yaml': '/reference/glossary/',
  'search-synonyms.yaml': '/search/',
};

/** The slug of a file's audit page: `articles/guides/boot-xen.mdx` → `guides-boot-xen`. */
export function ledgerSlug(file: string): string {
  return file.replace(/^articles\//, '').replace(/\.(mdx|yaml)$/, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase();
}

/** The page that shows one file's audit: its corrections and what the tree cannot settle. */
export function auditUrl(file: string): string {
  return `/reference/source-audit/${ledgerSlug(file)}/`;
}

/** The file of an article's row in the audit ledger: `guides/boot-xen` → `articles/guides/boot-xen.mdx`. */
export function ledgerFile(articleId: string): string {
  return `articles/${articleId}.mdx`;
}

/** What an article's Sources say of its audit, before the link to it; the page and its Markdown version share it. */
export function auditSummary({ checked, corrected, unverifiable }: { checked: number; corrected: number; unverifiable: number }): string {
  return checked > 0
    ? `Checked against the Xen 3.4 source: ${checked} claims, ${corrected} corrected, ${unverifiable} resting on sources outside the tree.`
    : 'Not yet checked against the Xen 3.4 source.';
}

/** The words of the link from an article to its audit page. */
export const AUDIT_LINK_TEXT = 'How this page was checked';
