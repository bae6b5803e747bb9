import { z } from 'astro/zod';
import { errorMap } from './error-map.ts';
import { LEDGER_FILE, ledgerEntrySchema } from './ledger.ts';
import { slugSchema } from './slug.ts';
import { sourceSchema } from './source.ts';

const text = (what: string) => z.string({ error: `add \`${what}\`` }).min(1, `\`${what}\` must not be empty`);

/** Where an entry's facts are verified: one source, or one for each file a fact is read from. */
const sources = z
  .array(sourceSchema, { error: 'add `sources`: a list of { title, url }, one for each file the facts are read from' })
  .min(1, 'list at least one source under `sources`');

/**
 * One glossary entry; its id is the #anchor on /reference/glossary/. `articles` holds article
 * ids; the content config passes Astro's reference('articles') as `articleItem`.
 */
export function makeGlossarySchema<A extends z.ZodType>(articleItem: A) {
  return z.strictObject(
    {
      /** Anchor id, kebab-case. */
      id: slugSchema,
      /** The term as readers write it. */
      term: text('term'),
      /** What an abbreviation stands for. */
      expansion: z.string().optional(),
      /** One to three plain sentences. */
      definition: text('definition'),
      /** Articles to read more, by id (guides/boot-xen). */
      articles: z.array(articleItem).default([]),
      /** Where the definition comes from. */
      sources,
    },
    { error: errorMap },
  );
}

/** A glossary entry with `articles` as plain ids (for tools that run outside Astro). */
export const glossarySchema = makeGlossarySchema(z.string());

/** Areas of the Xen command line that the boot-options reference groups by. */
export const BOOT_AREAS = ['power', 'ras', 'passthrough', 'console-memory', 'platform', 'security', 'debug', 'ia64'] as const;

/** A Xen hypervisor boot option. */
export const bootOptionSchema = z.strictObject(
  {
    /** Option name as typed on the Xen line. */
    name: text('name'),
    /** Which group of the reference it belongs to. */
    area: z.enum(BOOT_AREAS, { error: `\`area\` must be one of: ${BOOT_AREAS.join(', ')}` }),
    /** Accepted values. */
    values: text('values'),
    /** What happens when the option is absent. */
    default: text('default'),
    /** What the option does. */
    effect: text('effect'),
    /** A complete example. */
    example: z.string().optional(),
    /** Which command line takes it: Xen's (`kernel` line) or the Dom0 kernel's (first `module` line). */
    commandLine: z.enum(['xen', 'dom0'], { error: '`commandLine` must be xen or dom0' }).default('xen'),
    /** Listed because readers meet it in older advice, but Xen 3.4 no longer has it. */
    removed: z.boolean().optional(),
    /** Where this is verified. */
    sources,
  },
  { error: errorMap },
);

/** A xenpm subcommand as shipped in 3.4. */
export const xenpmSchema = z.strictObject(
  {
    /** Subcommand name. */
    command: text('command'),
    /** Arguments; empty when none. */
    arguments: z.string().default(''),
    /** What it prints or sets. */
    effect: text('effect'),
    /** A complete example. */
    example: text('example'),
    /** Listed because readers meet it in older advice, but Xen 3.4 no longer has it. */
    removed: z.boolean().optional(),
    /** Where this is verified. */
    sources,
  },
  { error: errorMap },
);

/** An xm subcommand. */
export const xmCommandSchema = z.strictObject(
  {
    /** Subcommand name. */
    command: text('command'),
    /** Usage line. */
    synopsis: text('synopsis'),
    /** What it does. */
    effect: text('effect'),
    /** A complete example. */
    example: text('example'),
    /** Listed because readers meet it in older advice, but Xen 3.4 no longer has it. */
    removed: z.boolean().optional(),
    /** Where this is verified. */
    sources,
  },
  { error: errorMap },
);

/** A key of an xm domain configuration file. */
export const domainConfigSchema = z.strictObject(
  {
    /** Key name. */
    key: text('key'),
    /** Which guests read it. */
    guest: z.enum(['pv', 'hvm', 'both'], { error: '`guest` must be pv, hvm or both' }),
    /** Accepted values. */
    values: text('values'),
    /** Value when absent. */
    default: text('default'),
    /** What it does. */
    effect: text('effect'),
    /** A line as it appears in a config file. */
    example: z.string().optional(),
    /** Listed because readers meet it in older advice, but Xen 3.4 no longer has it. */
    removed: z.boolean().optional(),
    /** Where this is verified. */
    sources,
  },
  { error: errorMap },
);

/** Groups of the xend-config.sxp reference, in the order the page lists them. */
export const XEND_AREAS = ['management', 'relocation', 'network', 'dom0', 'display', 'logging', 'storage', 'security'] as const;

/**
 * A setting of xend-config.sxp. What the shipped file says about it is not written here: the
 * table reads it from the source manifest.
 */
export const xendConfigSchema = z.strictObject(
  {
    /** The setting as the file writes it: `xend-relocation-server`. */
    key: text('key'),
    /** Which group of the reference it belongs to. */
    area: z.enum(XEND_AREAS, { error: `\`area\` must be one of: ${XEND_AREAS.join(', ')}` }),
    /** Accepted values, as xend parses them. */
    values: text('values'),
    /** What xend uses when the file does not set it: the code's fallback, not the example file's. */
    default: text('default'),
    /** What it does. */
    effect: text('effect'),
    /** Where this is verified. */
    sources,
  },
  { error: errorMap },
);

/** A group of words readers use for the same thing (first is the canonical one). */
export const synonymGroupSchema = z.array(z.string().min(1)).min(2, 'a synonym group needs at least two words');

/** A cell of the comparison matrix: a short claim and its source. */
export const cellSchema = z.strictObject(
  {
    /** Short claim, at most 80 characters. */
    value: z.string().min(1).max(80, 'keep matrix `value`s under 80 characters; put the rest in `note`'),
    /** Optional verdict used for filtering and the symbol shown. */
    rating: z.enum(['yes', 'partial', 'no']).optional(),
    /** A caveat, e.g. that the source is thin. */
    note: z.string().optional(),
    /** Where the claim comes from. */
    source: sourceSchema,
  },
  { error: errorMap },
);

/** The matrix rows, in display order, with their labels. */
export const CRITERIA = {
  hostPlatform: 'Host platform',
  licence: 'Licence',
  hardwareVirtualisation: 'Hardware virtualisation needed',
  graphics3d: '3D graphics',
  devicePassthrough: 'Device passthrough',
  powerManagement: 'Power management',
  guests: 'Guest systems',
  firstRelease: 'First release',
  status: 'Status today',
} as const;

/** A criterion of the matrix. */
export type Criterion = keyof typeof CRITERIA;

/** One client hypervisor product for the comparison matrix. */
export const productSchema = z.strictObject(
  {
    /** Product name. */
    name: text('name'),
    /** Who makes it. */
    vendor: text('vendor'),
    /** Hypervisor type ("hybrid" where it is debated, e.g. KVM). */
    type: z.enum(['1', '2', 'hybrid'], { error: '`type` must be "1", "2" or "hybrid" (quoted)' }),
    /** Column order. */
    order: z.number().int().default(100),
    /** One sentence about the product. */
    summary: text('summary'),
    /** One sourced cell per criterion. */
    cells: z.strictObject(
      Object.fromEntries(Object.keys(CRITERIA).map((key) => [key, cellSchema])) as Record<Criterion, typeof cellSchema>,
      { error: errorMap },
    ),
  },
  { error: errorMap },
);

export type GlossaryEntry = z.infer<typeof glossarySchema>;
export type BootOption = z.infer<typeof bootOptionSchema>;
export type XenpmCommand = z.infer<typeof xenpmSchema>;
export type XmCommand = z.infer<typeof xmCommandSchema>;
export type DomainConfigKey = z.infer<typeof domainConfigSchema>;
export type XendSetting = z.infer<typeof xendConfigSchema>;
export type Product = z.infer<typeof productSchema>;

/** A YAML list file of the content folder: the schema of one entry, and the fields that name it. */
export interface ListFile<S extends z.ZodType = z.ZodType> {
  /** Path inside the content folder. */
  file: string;
  /** The schema of one entry. */
  schema: S;
  /** The fields whose values together name an entry, unique in the file; none for unnamed entries. */
  key: readonly string[];
}

/**
 * The list files by the collection each fills, for the content config and the content check.
 * `articleItem` checks the glossary's links to articles: reference('articles') in the build.
 */
export function listFiles<A extends z.ZodType>(articleItem: A) {
  return {
    glossary: { file: 'glossary.yaml', schema: makeGlossarySchema(articleItem), key: ['id'] },
    bootOptions: { file: 'boot-options.yaml', schema: bootOptionSchema, key: ['name'] },
    xenpm: { file: 'xenpm.yaml', schema: xenpmSchema, key: ['command'] },
    xmCommands: { file: 'xm-commands.yaml', schema: xmCommandSchema, key: ['command'] },
    domainConfig: { file: 'domain-config.yaml', schema: domainConfigSchema, key: ['key', 'guest'] },
    xendConfig: { file: 'xend-config.yaml', schema: xendConfigSchema, key: ['key'] },
    synonyms: { file: 'search-synonyms.yaml', schema: synonymGroupSchema, key: [] },
    ledger: { file: LEDGER_FILE, schema: ledgerEntrySchema, key: ['file'] },
  } satisfies Record<string, ListFile>;
}

/** The list files with the glossary's `articles` as plain ids (for tools that run outside Astro). */
export const LIST_FILES: ListFile[] = Object.values(listFiles(z.string()));

/** An entry's id: its key values joined with @ (`vnc@hvm`), or its position when it has no key. */
export function entryId(key: readonly string[], entry: unknown, index: number): string {
  return key.length ? key.map((field) => String((entry as Record<string, unknown> | null)?.[field])).join('@') : String(index);
}
