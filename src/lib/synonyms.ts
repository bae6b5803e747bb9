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

/** Other names for a page's subjects, by where the page uses the name it knows. */
export interface SynonymTiers {
  /** Other names of things the title names: the page is about them. */
  title: string[];
  /** Other names of things a section heading starts with ("Dom0: the management domain"). */
  headings: string[];
  /** Other names of things the page mentions anywhere else. */
  body: string[];
}

/**
 * Sorts the other names of every synonym group a page mentions into tiers, so that the search
 * index can rank a page found by another name as it would rank it for the name on the page: a
 * page titled "P-states and cpufreq" is about DVFS, and so is a section headed "Dom0: …" about
 * domain 0; a page that mentions cpufreq in passing is not. A tier leaves out words already in
 * that part of the page (they are indexed as they are). Matching ignores case, punctuation
 * between words and a plural "s".
 */
export function synonymTiers(
  page: { title: string; headings: readonly string[]; text: string },
  groups: readonly (readonly string[])[],
): SynonymTiers {
  const title = words(page.title);
  const headings = page.headings.map(words);
  const allHeadings = headings.join('');
  const all = `${title}${allHeadings}${words(page.text)}`;
  const tiers: SynonymTiers = { title: [], headings: [], body: [] };
  const seen = new Set<string>();
  for (const group of groups) {
    const tier = group.some((w) => mentions(title, w))
      ? { found: title, into: tiers.title }
      : group.some((w) => headings.some((heading) => startsWith(heading, w)))
        ? { found: allHeadings, into: tiers.headings }
        : group.some((w) => mentions(all, w))
          ? { found: all, into: tiers.body }
          : undefined;
    if (!tier) continue;
    for (const word of group) {
      const key = normalise(word);
      if (seen.has(key) || mentions(tier.found, word)) continue;
      seen.add(key);
      tier.into.push(word);
    }
  }
  return tiers;
}

/** The text of an HTML fragment, for finding words in it (not for display). */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi, (_m, dec, hex, name) => {
      if (dec) return String.fromCodePoint(Number(dec));
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }[String(name).toLowerCase()] ?? ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalised words of a text, each followed by a space and led by one, for whole-word lookups. */
function words(text: string): string {
  // A full stop ends a sentence more often than it belongs to a name ("edit menu.lst.").
  return ` ${normalise(text).replace(/\.+(?= |$)|(?<=^| )\.+/g, '')} `;
}

function forms(word: string): string[] {
  const needle = normalise(word);
  return [` ${needle} `, ` ${needle}s `, ` ${needle}es `];
}

function mentions(haystack: string, word: string): boolean {
  return forms(word).some((form) => haystack.includes(form));
}

function startsWith(heading: string, word: string): boolean {
  return forms(word).some((form) => heading.startsWith(form));
}
