/**
 * Extra words to index with a page so that readers who use another name for a thing still
 * find it: for every synonym group with a member in the text, the group's other members.
 */
export function synonymsFor(text: string, groups: readonly (readonly string[])[]): string[] {
  const haystack = ` ${normalise(text)} `;
  const extra = new Set<string>();
  for (const group of groups) {
    if (group.some((word) => haystack.includes(` ${normalise(word)} `))) {
      for (const word of group) if (!haystack.includes(` ${normalise(word)} `)) extra.add(word);
    }
  }
  return [...extra];
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}.]+/gu, ' ').replace(/\s+/g, ' ').trim();
}
