/**
 * What each reference table shows: its caption, columns and rows. The MDX table components
 * (src/components/mdx/) render these as HTML, and article-markdown.ts writes the same tables as
 * Markdown, so a page and its .md version never disagree about a row or a heading.
 */
import { XEND_AREAS, type BootOption, type DomainConfigKey, type GlossaryEntry, type Product, type XendSetting, type XenpmCommand, type XmCommand } from '../schemas/data.ts';
import type { LedgerEntry } from '../schemas/ledger.ts';
import type { Source } from '../schemas/source.ts';
import type { XenManifest } from '../schemas/xen-manifest.ts';
import {
  BOOT_AREA_LABELS,
  unexplainedBootOptions,
  unexplainedConfigKeys,
  unexplainedXenpm,
  unexplainedXmCommands,
  XM_GROUP_LABELS,
  xmGroup,
  type BootArea,
  type XmGroup,
} from './source-listing.ts';

/** A column of a reference table. */
export interface Column {
  /** Field of the row to show. */
  key: string;
  /** Column heading. */
  label: string;
  /** Render the value as code. */
  code?: boolean;
}

/** A row of a reference table: any fields, and the sources that prove it. */
export type TableRow = Record<string, unknown> & { sources: readonly Source[] };

/** Everything a reference table shows. */
export interface TableSpec {
  caption: string;
  columns: Column[];
  rows: TableRow[];
  /** Field whose value becomes each row's #anchor. */
  anchor?: string;
  /** Prefix for anchors, so tables on one page never clash. */
  anchorPrefix?: string;
  /** What the link to each row's source says before its title ("Source", "Defined in"). */
  sourceLabel?: string;
}

/** The explained rows of every data file, as the content collections hold them. */
export interface ReferenceRows {
  bootOptions: readonly BootOption[];
  xenpm: readonly XenpmCommand[];
  xm: readonly XmCommand[];
  domainConfig: readonly DomainConfigKey[];
  xendConfig: readonly XendSetting[];
}

/** Every data file the site renders: the four reference lists, the glossary, the products, the audit ledger. */
export interface ReferenceData extends ReferenceRows {
  glossary: readonly GlossaryEntry[];
  products: readonly { id: string; data: Product }[];
  ledger: readonly LedgerEntry[];
}

/** Who reads a domain configuration key, as a caption says it. */
const GUEST_LABELS = { pv: 'paravirtualised (PV) guests', hvm: 'HVM guests', both: 'both PV and HVM guests' } as const;

/** `<BootOptionsTable area>`: the explained boot options, all or one area's. */
export function bootOptionsTable(rows: readonly BootOption[], area?: BootArea): TableSpec {
  return {
    caption: area ? `Xen 3.4 boot options for ${BOOT_AREA_LABELS[area]}` : 'Xen 3.4 boot options',
    columns: [
      { key: 'name', label: 'Option', code: true },
      { key: 'values', label: 'Values', code: true },
      { key: 'default', label: 'Default' },
      { key: 'effect', label: 'Effect' },
      { key: 'example', label: 'Example', code: true },
    ],
    rows: rows.filter((option) => !area || option.area === area),
    anchor: 'name',
    anchorPrefix: 'opt-',
  };
}

/** `<XenpmTable>`: every explained xenpm subcommand. */
export function xenpmTable(rows: readonly XenpmCommand[]): TableSpec {
  return {
    caption: 'xenpm subcommands in Xen 3.4',
    columns: [
      { key: 'command', label: 'Subcommand', code: true },
      { key: 'arguments', label: 'Arguments', code: true },
      { key: 'effect', label: 'What it prints or sets' },
      { key: 'example', label: 'Example', code: true },
    ],
    rows: [...rows],
    anchor: 'command',
    anchorPrefix: 'xenpm-',
  };
}

/** The explained xm commands of one `xm help` group (the group comes from the manifest), or all of them. */
export function explainedXmCommands(rows: readonly XmCommand[], manifest: XenManifest, group?: XmGroup): XmCommand[] {
  const commands = new Map(manifest.xm.map((command) => [command.name, command]));
  return rows.filter((row) => !group || (commands.has(row.command) && xmGroup(commands.get(row.command)!) === group));
}

/** `<XmCommandsTable group>`: the explained xm commands, all or one group's (no rows: the component shows nothing). */
export function xmCommandsTable(rows: readonly XmCommand[], manifest: XenManifest, group?: XmGroup): TableSpec {
  return {
    caption: group ? `xm commands for ${XM_GROUP_LABELS[group]}` : 'xm commands in Xen 3.4',
    columns: [
      { key: 'command', label: 'Command', code: true },
      { key: 'synopsis', label: 'Synopsis', code: true },
      { key: 'effect', label: 'What it does' },
      { key: 'example', label: 'Example', code: true },
    ],
    rows: explainedXmCommands(rows, manifest, group),
    anchor: 'command',
    anchorPrefix: 'xm-',
  };
}

/** `<DomainConfigTable guest>`: the explained configuration keys, all or one kind of guest's. */
export function domainConfigTable(rows: readonly DomainConfigKey[], guest?: DomainConfigKey['guest']): TableSpec {
  return {
    caption: guest ? `Configuration keys for ${GUEST_LABELS[guest]}` : 'Domain configuration keys',
    columns: [
      { key: 'key', label: 'Key', code: true },
      { key: 'values', label: 'Values', code: true },
      { key: 'default', label: 'Default' },
      { key: 'effect', label: 'Effect' },
      { key: 'example', label: 'Example', code: true },
    ],
    rows: rows.filter((key) => !guest || key.guest === guest),
    anchor: 'key',
    anchorPrefix: `cfg-${guest ?? 'all'}-`,
  };
}

/** A group of the xend-config.sxp reference. */
export type XendArea = (typeof XEND_AREAS)[number];

/** The groups of the xend-config.sxp reference, as captions name them. */
export const XEND_AREA_LABELS: Record<XendArea, string> = {
  management: 'the servers xm and other clients talk to',
  relocation: 'migration (the relocation server)',
  network: 'networking',
  dom0: "Dom0's memory and CPUs, and guests",
  display: 'VNC and the keyboard',
  logging: 'logs',
  storage: "xend's own files",
  security: 'security modules and labels',
};

/**
 * What the shipped tools/examples/xend-config.sxp (installed as /etc/xen/xend-config.sxp) says
 * about a setting: the form it sets, or the forms it leaves commented out.
 */
export function shippedXendSetting(manifest: XenManifest, key: string): string {
  const setting = manifest.xendConfig.find((entry) => entry.key === key);
  if (!setting) return 'Not in the file';
  const form = (value: string) => `\`(${key}${value ? ` ${value}` : ''})\``;
  if (setting.value !== null) return `Sets ${form(setting.value)}`;
  return `Only in comments: ${setting.commented.map(form).join(', ')}`;
}

/** `<XendConfigTable area>`: the xend-config.sxp settings, all or one group's, with what the shipped file says. */
export function xendConfigTable(rows: readonly XendSetting[], manifest: XenManifest, area?: XendArea): TableSpec {
  return {
    caption: area ? `xend-config.sxp settings for ${XEND_AREA_LABELS[area]}` : 'xend-config.sxp settings',
    columns: [
      { key: 'key', label: 'Setting', code: true },
      { key: 'values', label: 'Values' },
      { key: 'default', label: 'When not set' },
      { key: 'shipped', label: 'Shipped file' },
      { key: 'effect', label: 'Effect' },
    ],
    rows: rows.filter((row) => !area || row.area === area).map((row) => ({ ...row, shipped: shippedXendSetting(manifest, row.key) })),
    anchor: 'key',
    anchorPrefix: 'xend-',
  };
}

/** The lists `<SourceListing>` completes from the manifest. */
export type SourceList = 'boot-options' | 'xm' | 'xenpm' | 'domain-config';

/** `<SourceListing list group>`: what the manifest has that no explained row covers (no rows: the component shows nothing). */
export function sourceListingTable(manifest: XenManifest, explained: ReferenceRows, list: SourceList, group?: string): TableSpec {
  const base = { anchor: 'name', sourceLabel: 'Defined in' };
  switch (list) {
    case 'boot-options': {
      const area = (group ?? 'platform') as BootArea;
      return {
        ...base,
        caption: `More boot options for ${BOOT_AREA_LABELS[area]}, listed from the source`,
        columns: [
          { key: 'name', label: 'Option', code: true },
          { key: 'kind', label: 'Kind' },
          { key: 'initial', label: 'Value when not given' },
          { key: 'built', label: 'Built for' },
        ],
        rows: unexplainedBootOptions(manifest, explained.bootOptions.map((row) => row.name), area),
        anchorPrefix: 'opt-',
      };
    }
    case 'xm': {
      const xmGroupName = (group ?? 'other') as XmGroup;
      return {
        ...base,
        caption: `More xm commands for ${XM_GROUP_LABELS[xmGroupName]}, listed from the source`,
        columns: [
          { key: 'name', label: 'Command', code: true },
          { key: 'usage', label: 'Usage', code: true },
          { key: 'summary', label: 'Help text' },
          { key: 'options', label: 'Options', code: true },
        ],
        rows: unexplainedXmCommands(manifest, explained.xm.map((row) => row.command), xmGroupName),
        anchorPrefix: 'xm-',
      };
    }
    case 'xenpm':
      return {
        ...base,
        caption: 'More xenpm subcommands, listed from the source',
        columns: [
          { key: 'name', label: 'Subcommand', code: true },
          { key: 'arguments', label: 'Arguments', code: true },
          { key: 'summary', label: 'What it does' },
        ],
        rows: unexplainedXenpm(manifest, explained.xenpm.map((row) => row.command)),
        anchorPrefix: 'xenpm-',
      };
    case 'domain-config':
      return {
        ...base,
        caption: 'More keys xm create reads, listed from the source',
        columns: [
          { key: 'name', label: 'Key', code: true },
          { key: 'values', label: 'Placeholder in the help', code: true },
          { key: 'default', label: 'When left out' },
          { key: 'help', label: 'Help text' },
        ],
        rows: unexplainedConfigKeys(manifest, explained.domainConfig.map((row) => row.key)),
        anchorPrefix: 'cfg-src-',
      };
  }
}

/** The column under which a row's source is cited: the effect (the widest), or else the last column. */
export function sourceColumn(columns: readonly Column[]): string {
  return columns.some((c) => c.key === 'effect') ? 'effect' : columns.at(-1)!.key;
}

/** A cell as a table shows it: the value as text, or an em dash when there is none. */
export function cellText(value: unknown): string {
  return value === undefined || value === '' ? '—' : String(value);
}

/** `<GlossaryList>`: the glossary in alphabetical order of its terms. */
export function sortGlossary<T extends { term: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
}

/** How the comparison matrix names each hypervisor type. */
export const HYPERVISOR_TYPE_LABELS = { '1': 'Type 1', '2': 'Type 2', hybrid: 'Debated' } as const;
/** The symbol of a matrix rating, and the words a screen reader (or a Markdown reader) gets instead. */
export const RATING_SYMBOLS = { yes: '●', partial: '◐', no: '○' } as const;
export const RATING_TEXT = { yes: 'yes', partial: 'partly', no: 'no' } as const;

/** The comparison matrix's caption. */
export const COMPARISON_CAPTION = 'Client hypervisors as they stood in 2009, with their status today';

/** `<ComparisonMatrix>`: the products in their column order, then by name. */
export function sortProducts<T extends { data: { order: number; name: string } }>(products: readonly T[]): T[] {
  return [...products].sort((a, b) => a.data.order - b.data.order || a.data.name.localeCompare(b.data.name));
}
