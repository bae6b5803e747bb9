/** Article kinds, each with the URL section that lists it. */
export const KINDS = {
  feature: { section: 'features', label: 'Feature', plural: 'Features', blurb: 'What Xen 3.4 brought: the client initiative, RAS, power management and more, explained.' },
  guide: { section: 'guides', label: 'Guide', plural: 'Guides', blurb: 'Step by step from a bare laptop or PC to a working Xen 3.4 client system.' },
  comparison: { section: 'comparisons', label: 'Comparison', plural: 'Comparisons', blurb: 'Type-1 and type-2 client hypervisors side by side, as they stood in 2009.' },
  reference: { section: 'reference', label: 'Reference', plural: 'Reference', blurb: 'Boot options, xenpm, xm commands, domain configuration keys and the glossary.' },
} as const;

/** An article kind, e.g. `guide`. */
export type Kind = keyof typeof KINDS;

/** A URL section, e.g. `guides`. */
export type Section = (typeof KINDS)[Kind]['section'];

/** Every kind, in the order the site lists them. */
export const KIND_IDS = Object.keys(KINDS) as [Kind, ...Kind[]];

/** Every section, in the order the site lists them. */
export const SECTIONS = KIND_IDS.map((kind) => KINDS[kind].section) as Section[];

/** The kind whose articles live in a section folder, or undefined for an unknown folder. */
export function kindOfSection(section: string): Kind | undefined {
  return KIND_IDS.find((kind) => KINDS[kind].section === section);
}
