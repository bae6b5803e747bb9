/**
 * The printable cheat sheets (/reference/cheat-sheets/xm/, …/xenpm/, …/boot-options/): every
 * command or option of Xen 3.4 on one or two pages, each with its usage and a one-line meaning.
 * The explained rows of the data files come first in each group, then what the source manifest
 * lists that no row explains yet, exactly as the reference pages order them, and every entry
 * links to its row there.
 */
import { BOOT_AREAS } from '../schemas/data.ts';
import type { XenManifest } from '../schemas/xen-manifest.ts';
import { splitInlineCode, type InlinePart } from './inline-code.ts';
import { articleUrl } from './paths.ts';
import { explainedXmCommands, type ReferenceRows } from './reference-tables.ts';
import {
  anchorOf,
  BOOT_AREA_LABELS,
  bootOptionUrl,
  unexplainedBootOptions,
  unexplainedXenpm,
  unexplainedXmCommands,
  XM_GROUP_LABELS,
  xmCommandUrl,
  type XmGroup,
} from './source-listing.ts';
import { sourceUrl } from './xen-source/manifests.ts';

/** The cheat sheets, with the reference article each one condenses. */
export const CHEAT_SHEETS = {
  xm: {
    title: 'xm cheat sheet',
    reference: 'reference/xm-commands',
    description: 'Every xm subcommand of Xen 3.4 with its usage line and what it does, grouped as main.py groups them, to print on one or two pages.',
    intro:
      'Every `xm` subcommand of Xen 3.4, grouped as `main.py` groups them (`xm help` prints one list in the same order). Run them as root in Dom0 with xend running; `<Domain>` is a domain’s name or numeric ID. In each group the commands the guides explain come first, then the others with the help text from the source.',
    sourceFile: 'tools/python/xen/xm/main.py',
  },
  xenpm: {
    title: 'xenpm cheat sheet',
    reference: 'reference/xenpm',
    description: 'Every xenpm subcommand of Xen 3.4 with its arguments and what it prints or sets, to print on one or two pages.',
    intro:
      'Every `xenpm` subcommand of Xen 3.4. Run it as root in Dom0. Where a subcommand takes an optional `cpuid`, leaving it out applies it to every CPU numbered below the count of online CPUs. What `xenpm` sets lasts until the next reboot, and on Intel the governor, frequency limits and speed only until the next host suspend; the matching boot option keeps it, except the governor and frequency limits on AMD PowerNow! hosts.',
    sourceFile: 'tools/misc/xenpm.c',
  },
  'boot-options': {
    title: 'Boot options cheat sheet',
    reference: 'reference/boot-options',
    description: 'Every Xen 3.4 hypervisor boot option by area, with an example or its kind and default, and what it does, to print on one or two pages.',
    intro:
      'Every option the Xen 3.4 hypervisor reads from its command line, the `kernel` line of its GRUB entry, by area. The options the reference explains come first, each with an example; the others show their kind and the value they have when not given. Flags are switched on by naming them.',
    sourceFile: 'xen',
  },
} as const;

/** A cheat sheet's id, which is also its URL segment. */
export type CheatSheetId = keyof typeof CHEAT_SHEETS;
/** Every cheat sheet, in the order the site lists them. */
export const CHEAT_SHEET_IDS = Object.keys(CHEAT_SHEETS) as CheatSheetId[];

/** The page that lists the cheat sheets. */
export const CHEAT_SHEETS_URL = '/reference/cheat-sheets/';

/** URL of a cheat sheet: `xm` → `/reference/cheat-sheets/xm/`. */
export function cheatSheetUrl(id: CheatSheetId): string {
  return `${CHEAT_SHEETS_URL}${id}/`;
}

/** The cheat sheet that condenses an article, if there is one (for a link on the article). */
export function cheatSheetFor(articleId: string): { href: string; title: string } | undefined {
  const id = CHEAT_SHEET_IDS.find((sheet) => CHEAT_SHEETS[sheet].reference === articleId);
  return id && { href: cheatSheetUrl(id), title: CHEAT_SHEETS[id].title };
}

/** The cheat sheets as a list links to them. */
export function cheatSheetLinks(): { id: CheatSheetId; href: string; title: string; description: string }[] {
  return CHEAT_SHEET_IDS.map((id) => ({ id, href: cheatSheetUrl(id), title: CHEAT_SHEETS[id].title, description: CHEAT_SHEETS[id].description }));
}

/** One command or option on a sheet. */
export interface CheatEntry {
  /** How to write it: a usage line or an example. */
  usage: string;
  /** What it does, in one line (text with `code`). */
  meaning: InlinePart[];
  /** Its row on the reference page. */
  href: string;
  /** Listed from the source manifest rather than explained by a data file. */
  listed: boolean;
  /** A remark shown with it, e.g. that it goes on the Dom0 kernel line. */
  note?: string | undefined;
}

/** A group of entries under a heading. */
export interface CheatGroup {
  /** Anchor of the group on the sheet. */
  id: string;
  heading: string;
  entries: CheatEntry[];
}

/** Everything a cheat sheet page shows. */
export interface CheatSheet {
  id: CheatSheetId;
  title: string;
  description: string;
  intro: InlinePart[];
  /** The reference article the sheet condenses. */
  reference: { href: string; id: string };
  /** Where the listed entries were read: the file or folder of the tree at the documented commit. */
  source: { title: string; url: string };
  groups: CheatGroup[];
  /** How many entries are explained and how many listed from the source. */
  counts: { explained: number; listed: number };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Words that end with a full stop without ending a sentence. */
const ABBREVIATIONS = /(?:^|\s)(?:e\.g|i\.e|etc|vs|cf|approx|no)\.$/i;

/**
 * The first sentence of a data file's text, for a one-line meaning. Unlike firstSentence()
 * (tooltips), a sentence also ends before a lower-case word or an option such as `-c`, as the
 * data files start sentences with command and option names: "… the file. -c attaches …".
 */
export function meaningLine(text: string): string {
  const ends = /[.!?]["')\]]?(?=\s+\S)/g;
  for (let match = ends.exec(text); match; match = ends.exec(text)) {
    const sentence = text.slice(0, match.index + match[0].length);
    if (!ABBREVIATIONS.test(sentence)) return sentence;
  }
  return text;
}

/** One line of a longer text: its first sentence, with `code` kept. */
const oneLine = (text: string) => splitInlineCode(meaningLine(text));

/** A cheat sheet from the data files' explained rows and the source manifest. */
export function cheatSheet(id: CheatSheetId, rows: ReferenceRows, manifest: XenManifest): CheatSheet {
  const sheet = CHEAT_SHEETS[id];
  const reference = articleUrl(sheet.reference);
  const groups = GROUPS[id](rows, manifest, reference).filter((group) => group.entries.length > 0);
  const entries = groups.flatMap((group) => group.entries);
  return {
    id,
    title: sheet.title,
    description: sheet.description,
    intro: splitInlineCode(sheet.intro),
    reference: { href: reference, id: sheet.reference },
    source: {
      title: `${sheet.sourceFile === 'xen' ? 'the xen/ tree' : sheet.sourceFile} at the Xen ${manifest.tree.name} (${manifest.tree.commit.slice(0, 10)})`,
      url: sourceUrl(manifest, sheet.sourceFile),
    },
    groups,
    counts: { explained: entries.filter((e) => !e.listed).length, listed: entries.filter((e) => e.listed).length },
  };
}

/** What the source says of a boot option no row explains: its kind and the value it starts with. */
function listedMeaning(kind: string, initial: string): string {
  if (initial === '—') return `${capitalise(kind)}.`;
  if (kind === 'custom syntax') return `${capitalise(kind)}; ${initial}.`;
  return `${capitalise(kind)}; when not given: ${initial}.`;
}

type GroupBuilder = (rows: ReferenceRows, manifest: XenManifest, reference: string) => CheatGroup[];

const GROUPS: Record<CheatSheetId, GroupBuilder> = {
  xm: (rows, manifest) =>
    (Object.keys(XM_GROUP_LABELS) as XmGroup[]).map((group) => ({
      id: `xm-group-${group}`,
      heading: capitalise(XM_GROUP_LABELS[group]),
      entries: [
        ...explainedXmCommands(rows.xm, manifest, group)
          .filter((row) => !row.removed)
          .map((row) => ({ usage: row.synopsis, meaning: oneLine(row.effect), href: xmCommandUrl(row.command, [row.command]), listed: false })),
        ...unexplainedXmCommands(manifest, rows.xm.map((row) => row.command), group).map((row) => ({
          usage: String(row.usage),
          meaning: splitInlineCode(String(row.summary)),
          href: xmCommandUrl(row.name, []),
          listed: true,
        })),
      ],
    })),
  xenpm: (rows, manifest, reference) => [
    {
      id: 'xenpm-subcommands',
      heading: 'Subcommands',
      entries: [
        ...rows.xenpm
          .filter((row) => !row.removed)
          .map((row) => ({ usage: `xenpm ${row.command} ${row.arguments}`.trim(), meaning: oneLine(row.effect), href: `${reference}#${anchorOf('xenpm-', row.command)}`, listed: false })),
        ...unexplainedXenpm(manifest, rows.xenpm.map((row) => row.command)).map((row) => ({
          usage: `xenpm ${row.name} ${row.arguments === '—' ? '' : String(row.arguments)}`.trim(),
          meaning: splitInlineCode(row.summary === '—' ? 'No help text in the source.' : String(row.summary)),
          href: `${reference}#${anchorOf('xenpm-', row.name)}`,
          listed: true,
        })),
      ],
    },
  ],
  'boot-options': (rows, manifest) =>
    BOOT_AREAS.map((area) => ({
      id: `boot-area-${area}`,
      heading: capitalise(BOOT_AREA_LABELS[area]),
      entries: [
        ...rows.bootOptions
          .filter((row) => row.area === area && !row.removed)
          .map((row) => ({
            usage: row.example ?? row.name,
            meaning: oneLine(row.effect),
            href: bootOptionUrl(row.name, [row]),
            listed: false,
            note: row.commandLine === 'dom0' ? 'Dom0 kernel line' : undefined,
          })),
        ...unexplainedBootOptions(manifest, rows.bootOptions.map((row) => row.name), area).map((row) => ({
          usage: row.name,
          meaning: splitInlineCode(listedMeaning(String(row.kind), String(row.initial))),
          href: bootOptionUrl(row.name, []),
          listed: true,
        })),
      ],
    })),
};
