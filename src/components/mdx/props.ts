import { z } from 'astro/zod';
import { BOOT_AREAS, XEND_AREAS } from '../../schemas/data.ts';
import { CHANGE_CATEGORIES } from '../../schemas/xen-manifest.ts';
import { SOURCE_LISTING_PAGES } from '../../lib/source-listing.ts';

/**
 * The props of every component authors may use in MDX, one schema each. The component parses
 * its props with it, and the content check (src/lib/content-check/body.ts) validates the literal
 * attributes an article writes with the same schema, before the build.
 */

/** Kinds of callout; `later` marks what came after Xen 3.4. */
export const CALLOUT_TYPES = ['note', 'tip', 'warning', 'caution', 'later'] as const;
export const calloutProps = z.strictObject({ type: z.enum(CALLOUT_TYPES).default('note'), title: z.string().optional() });
/** The label a callout starts with, on the page and in its Markdown version. */
export const CALLOUT_LABELS: Record<(typeof CALLOUT_TYPES)[number], string> = {
  note: 'Note',
  tip: 'Tip',
  warning: 'Warning',
  caution: 'Caution',
  later: 'Later versions — not in Xen 3.4',
};
/** What stands between a callout's label and its title: "Warning: Back up first", "Later versions — not in Xen 3.4 · After xm". */
export function calloutSeparator(type: (typeof CALLOUT_TYPES)[number]): string {
  return type === 'later' ? ' · ' : ': ';
}
export const stepsProps = z.strictObject({});
/** `id` is a glossary entry (checked against content/glossary.yaml). */
export const termProps = z.strictObject({ id: z.string() });
/** `name` is a file of src/components/diagrams/ in kebab-case. */
export const diagramProps = z.strictObject({ name: z.string() });
export const bootOptionsTableProps = z.strictObject({
  area: z.enum(BOOT_AREAS).optional(),
  /** `table` (default): the rows here; `names`: the options only, each under its row's old anchor and linking to the page its rows are on. */
  show: z.enum(['table', 'names']).default('table'),
});
export const xenpmTableProps = z.strictObject({});
/** The groups `xm help` lists commands under, and the rest. */
export const XM_GROUPS = ['domain', 'host', 'scheduler', 'device', 'vnet', 'acm', 'other'] as const;
export const xmCommandsTableProps = z.strictObject({ group: z.enum(XM_GROUPS).optional() });
export const GUESTS = ['pv', 'hvm', 'both'] as const;
export const domainConfigTableProps = z.strictObject({
  guest: z.enum(GUESTS).optional(),
  /** `table` (default): the rows here; `names`: the keys only, each under its row's old anchor and linking to the page its rows are on. */
  show: z.enum(['table', 'names']).default('table'),
});
export const xendConfigTableProps = z.strictObject({ area: z.enum(XEND_AREAS).optional() });
export const glossaryListProps = z.strictObject({});
export const comparisonMatrixProps = z.strictObject({});
/** Lists the source manifest can complete; `group` is a boot-options area or an xm group. */
export const SOURCE_LISTS = ['boot-options', 'xm', 'xenpm', 'domain-config'] as const;
export const sourceListingProps = z
  .strictObject({
    list: z.enum(SOURCE_LISTS),
    group: z.enum([...BOOT_AREAS, ...XM_GROUPS]).optional(),
    /** `table` (default): the full table here; `names`: the names only, each linking to its row on the list's own page of source listings. */
    show: z.enum(['table', 'names']).default('table'),
  })
  .superRefine(({ list, group, show }, ctx) => {
    const groups: readonly string[] = list === 'boot-options' ? BOOT_AREAS : list === 'xm' ? XM_GROUPS : [];
    if (group !== undefined && !groups.includes(group)) {
      ctx.addIssue({ code: 'custom', path: ['group'], message: groups.length ? `for list="${list}", group is one of ${groups.join(', ')}` : `list="${list}" takes no group` });
    }
    if (show === 'names' && !(list in SOURCE_LISTING_PAGES)) {
      ctx.addIssue({ code: 'custom', path: ['show'], message: `show="names" needs a page that lists the rows in full, which only ${Object.keys(SOURCE_LISTING_PAGES).join(', ')} has; leave out show` });
    }
  });
export const sourceChangesProps = z.strictObject({ category: z.enum(CHANGE_CATEGORIES) });
export const auditLedgerProps = z.strictObject({});

/** How the content check describes a component: its props, whether it wraps content, an example. */
export interface MdxComponentSpec {
  props: z.ZodObject;
  content: boolean;
  example: string;
  /** Props whose value names something outside the article. */
  lookup?: Record<string, 'glossary' | 'diagram'>;
}

/** Every MDX component with its props. A unit test keeps it in step with index.ts. */
export const MDX_COMPONENT_SPECS = {
  Callout: { props: calloutProps, content: true, example: '<Callout type="note" title="Optional title">…</Callout>' },
  Steps: { props: stepsProps, content: true, example: '<Steps> wrapping a numbered list </Steps>' },
  Term: { props: termProps, content: true, example: '<Term id="hvm">HVM</Term>', lookup: { id: 'glossary' } },
  Diagram: { props: diagramProps, content: false, example: '<Diagram name="xen-architecture" />', lookup: { name: 'diagram' } },
  BootOptionsTable: { props: bootOptionsTableProps, content: false, example: '<BootOptionsTable area="power" />' },
  XenpmTable: { props: xenpmTableProps, content: false, example: '<XenpmTable />' },
  XmCommandsTable: { props: xmCommandsTableProps, content: false, example: '<XmCommandsTable group="domain" />' },
  DomainConfigTable: { props: domainConfigTableProps, content: false, example: '<DomainConfigTable guest="hvm" />' },
  XendConfigTable: { props: xendConfigTableProps, content: false, example: '<XendConfigTable area="relocation" />' },
  GlossaryList: { props: glossaryListProps, content: false, example: '<GlossaryList />' },
  ComparisonMatrix: { props: comparisonMatrixProps, content: false, example: '<ComparisonMatrix />' },
  SourceListing: { props: sourceListingProps, content: false, example: '<SourceListing list="boot-options" group="platform" />' },
  SourceChanges: { props: sourceChangesProps, content: false, example: '<SourceChanges category="bootOptions" />' },
  AuditLedger: { props: auditLedgerProps, content: false, example: '<AuditLedger />' },
} satisfies Record<string, MdxComponentSpec>;
