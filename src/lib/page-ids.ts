/**
 * Ids that the layouts give to their own parts of an article page. Astro makes each heading's id
 * from its text, so an article heading that reads like one of these parts ("Before you start",
 * "Sources") would give the page two elements with one id, and links to it would go to the
 * wrong place. The content check refuses such headings (src/lib/content-check/body.ts).
 */
export const LAYOUT_IDS = {
  main: 'main',
  beforeYouStart: 'before-you-start',
  sources: 'sources',
  related: 'related',
} as const;

type LayoutId = (typeof LAYOUT_IDS)[keyof typeof LAYOUT_IDS];

const PART: Record<LayoutId, string> = {
  [LAYOUT_IDS.main]: "the page's main content",
  [LAYOUT_IDS.beforeYouStart]: 'the "Before you start" box of a guide',
  [LAYOUT_IDS.sources]: 'the "Sources" list',
  [LAYOUT_IDS.related]: 'the "Related articles" list',
};

/** The part of the page that owns `id`, or undefined when an article heading may use it. */
export function layoutPartWithId(id: string): string | undefined {
  return Object.hasOwn(PART, id) ? PART[id as LayoutId] : undefined;
}
