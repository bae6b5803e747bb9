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
  // Each part of the page as the set of its runs of words that begin a name, so that finding a
  // name is a set look-up, not a search through the page's text for every form of every name:
  // the site renders thousands of pages, each against every synonym group.
  const { keys, starts } = prepared(groups);
  const title = words(page.title);
  const headings = page.headings.map(words);
  const inTitle = phrases([title], starts);
  const inHeadings = phrases(headings, starts);
  const inAll = phrases([title, ...headings, words(page.text)], starts);
  const tiers: SynonymTiers = { title: [], headings: [], body: [] };
  const seen = new Set<string>();
  for (const [index, group] of groups.entries()) {
    const groupKeys = keys[index]!;
    const tier = groupKeys.some((key) => mentions(inTitle, key))
      ? { found: inTitle, into: tiers.title }
      : groupKeys.some((key) => headings.some((heading) => startsWith(heading, key)))
        ? { found: inHeadings, into: tiers.headings }
        : groupKeys.some((key) => mentions(inAll, key))
          ? { found: inAll, into: tiers.body }
          : undefined;
    if (!tier) continue;
    for (const [at, word] of group.entries()) {
      const key = groupKeys[at]!;
      if (seen.has(key) || mentions(tier.found, key)) continue;
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

/** The groups' names normalised, and the runs of words that begin one (see namePrefixes). */
interface PreparedGroups {
  keys: string[][];
  starts: Set<string>;
}

const preparedGroups = new WeakMap<readonly (readonly string[])[], PreparedGroups>();

/**
 * What synonymTiers() needs of the groups, worked out once for each list of groups rather than
 * once a page: every page of a build gets the same list (getSynonymGroups() in articles.ts).
 */
function prepared(groups: readonly (readonly string[])[]): PreparedGroups {
  let found = preparedGroups.get(groups);
  if (!found) {
    const keys = groups.map((group) => group.map(normalise));
    found = { keys, starts: namePrefixes(keys) };
    preparedGroups.set(groups, found);
  }
  return found;
}

/** Every name, its plurals, and the first words of each of them ("machine", "machine check"). */
function namePrefixes(keys: readonly (readonly string[])[]): Set<string> {
  const prefixes = new Set<string>();
  for (const group of keys) {
    for (const key of group) {
      for (const form of [key, `${key}s`, `${key}es`]) {
        let at = -1;
        while ((at = form.indexOf(' ', at + 1)) !== -1) prefixes.add(form.slice(0, at));
        prefixes.add(form);
      }
    }
  }
  return prefixes;
}

/**
 * The runs of words in some texts made by words() that begin a name (see namePrefixes), each
 * as its words joined by single spaces: a name is in the texts where ` name ` was. So a run
 * spans neither two texts nor a gap (two spaces, where a lone full stop was), and the empty run
 * is there when the texts have a gap or are more than one: a name with no letters or digits
 * ("—") is `  `, which a gap or the join of two texts contains.
 */
function phrases(texts: readonly string[], starts: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  if (texts.length > 1 || texts.some((text) => text.includes('  '))) found.add('');
  for (const text of texts) {
    const list = text.split(' ');
    for (let start = 0; start < list.length; start++) {
      let phrase = list[start]!;
      for (let end = start + 1; phrase !== '' && starts.has(phrase); end++) {
        found.add(phrase);
        if (end === list.length || list[end] === '') break;
        phrase = `${phrase} ${list[end]}`;
      }
    }
  }
  return found;
}

/** Whether phrases() found a name (normalised), or its plural. */
function mentions(found: ReadonlySet<string>, key: string): boolean {
  return found.has(key) || found.has(`${key}s`) || found.has(`${key}es`);
}

/** Whether a heading made by words() starts with a name (normalised), or its plural. */
function startsWith(heading: string, key: string): boolean {
  return heading.startsWith(` ${key} `) || heading.startsWith(` ${key}s `) || heading.startsWith(` ${key}es `);
}
