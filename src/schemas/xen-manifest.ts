import { z } from 'astro/zod';

/**
 * The source manifest: facts read out of one Xen source tree by `npm run extract:xen` and
 * committed as content/source/xen-<version>.json. It holds names, values, short usage strings
 * and where each was found, never code. The content check and the reference pages read it.
 */

/** A literal value as the source writes it: a number, a string, a list or nothing. */
export const literalSchema: z.ZodType<Literal> = z.lazy(() =>
  z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(literalSchema)]),
);
/** A literal value from C or Python source. */
export type Literal = number | string | boolean | null | Literal[];

/** Where in the tree a fact was read: a path relative to the tree's root and a 1-based line. */
const site = {
  /** Path relative to the root of the tree, such as xen/common/timer.c. */
  file: z.string(),
  /** 1-based line of the definition. */
  line: z.number().int().positive(),
};

/** How Xen's command-line parser treats an option (xen/include/xen/init.h). */
export const BOOT_OPTION_KINDS = ['boolean', 'invbool', 'integer', 'string', 'custom', 'size'] as const;
/** A kind of boot option. */
export type BootOptionKind = (typeof BOOT_OPTION_KINDS)[number];

/** Which architecture's code registers an option. */
export const ARCHES = ['x86', 'ia64', 'common'] as const;

/** The platforms Xen 3.x builds for (XEN_TARGET_ARCH). */
export const PLATFORMS = ['x86_32', 'x86_64', 'ia64'] as const;
/** A platform Xen builds for. */
export type Platform = (typeof PLATFORMS)[number];
/** The architectures a registration's folder or a build need names. */
export type BuildArch = (typeof ARCHES)[number] | 'x86_32' | 'x86_64';

/** The platforms an architecture covers: `common` all three, `x86` both x86 ones. */
export function platformsOf(arch: BuildArch): Platform[] {
  if (arch === 'common') return [...PLATFORMS];
  return arch === 'x86' ? ['x86_32', 'x86_64'] : [arch];
}

/**
 * Something a build of the hypervisor needs for a registration to be compiled in: a platform
 * (`obj-$(CONFIG_X86_64) += vesa.o`), a build option left off by default (`make crash_debug=y`),
 * or a symbol whose `#define` the tree leaves commented out (`DEBUG_TRACE_DUMP` in lib.h).
 */
export const buildNeedSchema = z.union([
  z.strictObject({ arch: z.enum(['x86', 'x86_32', 'x86_64', 'ia64']) }),
  z.strictObject({ option: z.string() }),
  z.strictObject({ define: z.string(), ...site }),
]);
/** A build condition of a registration. */
export type BuildNeed = z.infer<typeof buildNeedSchema>;

/** One `*_param("name", variable)` registration. */
export const bootOptionSiteSchema = z.strictObject({
  ...site,
  kind: z.enum(BOOT_OPTION_KINDS),
  /** The variable (or, for custom options, the parsing function) the option sets. */
  variable: z.string(),
  /** Architecture folder the file sits in; common for xen/common, xen/drivers and the rest. */
  arch: z.enum(ARCHES),
  /** What the build needs for this registration to exist, read from makefiles and `#if`s; none when absent. */
  needs: z.array(buildNeedSchema).optional(),
  /**
   * The variable's initial value when the source states it as a literal (or leaves it to C's
   * zero-initialisation, `implicit`); absent for custom options and computed initialisers.
   */
  initial: literalSchema.optional(),
  /** How the initial value was found: written as a literal, through a #define, or implicit 0. */
  initialFrom: z.enum(['literal', 'define', 'implicit']).optional(),
  /** The initialiser as written when it is not a literal (`ACPI_PROCESSOR_MAX_POWER - 1`). */
  initialExpression: z.string().optional(),
});

/** A hypervisor boot option and every place that registers it. */
export const bootOptionSchema = z.strictObject({
  name: z.string(),
  /** The first registration's kind; registrations of one name agree on it in every 3.x tree. */
  kind: z.enum(BOOT_OPTION_KINDS),
  sites: z.array(bootOptionSiteSchema).min(1),
});

/** A xenpm subcommand: its row in the command table and its line of the help text. */
export const xenpmCommandSchema = z.strictObject({
  name: z.string(),
  ...site,
  /** Arguments as the help text shows them (`[cpuid] <HZ>`); empty when none. */
  args: z.string(),
  /** The help text's description, on one line. */
  summary: z.string(),
});

/** One option of an xm subcommand, from SUBCOMMAND_OPTIONS. */
export const xmOptionSchema = z.strictObject({
  short: z.string(),
  long: z.string(),
  help: z.string(),
});

/** An xm subcommand: what `xm help <command>` prints. */
export const xmCommandSchema = z.strictObject({
  name: z.string(),
  ...site,
  /** Usage arguments from SUBCOMMAND_HELP; null when the command has no help entry. */
  args: z.string().nullable(),
  /** One-line description from SUBCOMMAND_HELP; null when the command has no help entry. */
  summary: z.string().nullable(),
  options: z.array(xmOptionSchema),
  /** The group `xm help` lists it under (domain, host, scheduler, device, vnet, acm); null if none. */
  group: z.string().nullable(),
  /** For a deprecated alias, the command it runs. */
  aliasOf: z.string().optional(),
});

/** A default xend applies when a domain configuration leaves a key out (`.get('vnc', 0)`). */
export const xendDefaultSchema = z.strictObject({ ...site, value: literalSchema });

/** A domain configuration key that tools/python/xen/xm/create.py reads. */
export const domainConfigKeySchema = z.strictObject({
  name: z.string(),
  ...site,
  /** The `val=` placeholder the help shows (`no|yes`, `BUS:DEV.FUNC`). */
  values: z.string(),
  /** create.py's `default=` when it is a literal; null for None (xend decides) or an expression. */
  default: literalSchema,
  /** create.py's `default=` as written when it is not a literal. */
  defaultExpression: z.string().optional(),
  /** The first sentence of the key's help text. */
  help: z.string(),
  /** False for a key configure_hvm() passes to xend that no gopts.var declares (no help, no default). */
  declared: z.boolean(),
  /** Defaults xend's image.py applies when the key is absent, where it reads one with a literal. */
  xendDefaults: z.array(xendDefaultSchema),
});

/** A setting of the shipped xend-config.sxp. */
export const xendConfigKeySchema = z.strictObject({
  key: z.string(),
  /** Line of the first appearance. */
  line: z.number().int().positive(),
  /** The value set by an active line, or null when every line for the key is commented out. */
  value: z.string().nullable(),
  /** Values shown on commented-out lines, as examples or as the documented default. */
  commented: z.array(z.string()),
});

/** How xend parses a setting of xend-config.sxp: the XendOptions method that reads it. */
export const XEND_SETTING_TYPES = ['bool', 'int', 'string', 'value'] as const;

/** A setting xend's code reads from xend-config.sxp (`self.get_config_bool('enable-dump', 'no')`). */
export const xendOptionSchema = z.strictObject({
  key: z.string(),
  ...site,
  /** get_config_bool, _int, _string or _value. */
  type: z.enum(XEND_SETTING_TYPES),
  /** The value xend uses when the file does not set the key, when the code gives a literal (directly or as a class attribute); null for none. */
  default: literalSchema,
  /** The fallback as the code writes it, when it is not a literal (`osdep.vif_script`). */
  defaultExpression: z.string().optional(),
});

/** The facts of one Xen source tree. */
export const xenManifestSchema = z.strictObject({
  /** Which tree: the commit, its short name and the version the tree's makefile builds. */
  tree: z.strictObject({
    commit: z.string().regex(/^[0-9a-f]{40}$/),
    name: z.string(),
    version: z.string(),
  }),
  bootOptions: z.array(bootOptionSchema),
  xenpm: z.array(xenpmCommandSchema),
  xm: z.array(xmCommandSchema),
  domainConfig: z.array(domainConfigKeySchema),
  xendConfig: z.array(xendConfigKeySchema),
  /** The settings xend's code reads from xend-config.sxp, whether or not the shipped file names them. */
  xendOptions: z.array(xendOptionSchema),
  /** Every text file of the tree and its number of lines, so citations can be checked. */
  files: z.record(z.string(), z.number().int().nonnegative()),
});

/** A Xen source manifest. */
export type XenManifest = z.infer<typeof xenManifestSchema>;
/** A boot option of the manifest. */
export type ManifestBootOption = z.infer<typeof bootOptionSchema>;
/** A boot option's registration. */
export type ManifestBootOptionSite = z.infer<typeof bootOptionSiteSchema>;
/** A xenpm subcommand of the manifest. */
export type ManifestXenpmCommand = z.infer<typeof xenpmCommandSchema>;
/** An xm subcommand of the manifest. */
export type ManifestXmCommand = z.infer<typeof xmCommandSchema>;
/** A domain configuration key of the manifest. */
export type ManifestDomainConfigKey = z.infer<typeof domainConfigKeySchema>;
/** An xend-config.sxp key of the manifest. */
export type ManifestXendConfigKey = z.infer<typeof xendConfigKeySchema>;
/** A setting xend reads, as the manifest records it. */
export type ManifestXendOption = z.infer<typeof xendOptionSchema>;

/** What changed between two manifests, with the commit that made each change where found. */
export const CHANGE_CATEGORIES = ['bootOptions', 'xenpm', 'xm', 'domainConfig', 'xendConfig'] as const;
/** A category of the change list. */
export type ChangeCategory = (typeof CHANGE_CATEGORIES)[number];

/** One added or removed name. */
export const changeSchema = z.strictObject({
  category: z.enum(CHANGE_CATEGORIES),
  name: z.string(),
  change: z.enum(['added', 'removed']),
  /** Full id of the commit that added or removed it, when the history shows one. */
  commit: z.string().regex(/^[0-9a-f]{40}$/).optional(),
  /** The commit's subject line. */
  subject: z.string().optional(),
  /**
   * For a removal, the other commits in the range that changed how often the name occurs, newest
   * first: a name can go in steps, one architecture at a time.
   */
  also: z.array(z.strictObject({ commit: z.string().regex(/^[0-9a-f]{40}$/), subject: z.string() })).optional(),
});

/** The change list between two trees: content/source/xen-<from>-to-<to>.json. */
export const changesSchema = z.strictObject({
  from: z.strictObject({ commit: z.string(), name: z.string() }),
  to: z.strictObject({ commit: z.string(), name: z.string() }),
  changes: z.array(changeSchema),
});

/** A change list. */
export type XenChanges = z.infer<typeof changesSchema>;
/** One change. */
export type XenChange = z.infer<typeof changeSchema>;

/** The manifest files in content/source/: the documented tree, the one before it, the changes. */
export const MANIFEST_FILES = {
  current: 'xen-3.4.json',
  previous: 'xen-3.3.json',
  changes: 'xen-3.3-to-3.4.json',
} as const;
