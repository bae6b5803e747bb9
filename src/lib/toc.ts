/** A heading as Astro reports it after rendering. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** An entry of the table of contents with its sub-entries. */
export interface TocItem extends Heading {
  children: TocItem[];
}

/** Nests h2 and h3 headings into a table of contents; other depths are left out. */
export function buildToc(headings: readonly Heading[], minDepth = 2, maxDepth = 3): TocItem[] {
  const toc: TocItem[] = [];
  for (const heading of headings) {
    if (heading.depth < minDepth || heading.depth > maxDepth) continue;
    const item: TocItem = { ...heading, children: [] };
    const parent = toc.at(-1);
    if (heading.depth > minDepth && parent) parent.children.push(item);
    else toc.push(item);
  }
  return toc;
}
