/**
 * The build-time data search uses beside Pagefind's index: the exact-name entries and the
 * vocabulary for typo correction. Read from the content collections and the source manifest, once
 * per build, by the endpoints in src/pages/search/.
 */
import { getCollection } from 'astro:content';
import { countVocabulary, knownBuckets, rankVocabulary } from './spelling.ts';
import { bucketNames, oneLine, type NameEntry } from './name-index.ts';
import { anchorOf, bootOptionUrl, xmCommandUrl, configKeyUrl, initialValue, optionNames, unexplainedConfigKeys, xendSettingUrl, XM_GROUP_LABELS } from './source-listing.ts';
import { siteManifests } from './xen-source/site-manifests.ts';
import { glossaryUrl } from './paths.ts';
import { getGlossaryPages } from './articles.ts';
import { readArticleBody } from './article-body.ts';

let names: Promise<Record<string, NameEntry[]>> | undefined;
let words: Promise<Record<string, string[]>> | undefined;
let known: Promise<Record<string, string[]>> | undefined;

const KIND_WORDS = { boolean: 'Flag', invbool: 'Flag', integer: 'Integer option', string: 'Option', custom: 'Option', size: 'Size option' } as const;

async function collectNames(): Promise<NameEntry[]> {
  const { current } = siteManifests();
  const entries: NameEntry[] = [];
  const [boot, xm, xenpm, config, xend, glossary] = await Promise.all([
    getCollection('bootOptions'),
    getCollection('xmCommands'),
    getCollection('xenpm'),
    getCollection('domainConfig'),
    getCollection('xendConfig'),
    getCollection('glossary'),
  ]);

  const explainedOptions = new Map<string, (typeof boot)[number]['data']>();
  for (const { data } of boot) for (const name of optionNames(data.name)) if (!explainedOptions.has(name)) explainedOptions.set(name, data);
  for (const { data } of boot.filter((entry) => entry.data.commandLine === 'dom0')) {
    entries.push({ name: data.name, kind: 'Dom0 kernel option', url: bootOptionUrl(data.name, [data]), meaning: oneLine(data.effect) });
  }
  const explained = boot.map(({ data }) => data);
  for (const option of current.bootOptions) {
    const row = explainedOptions.get(option.name);
    entries.push({
      name: option.name,
      kind: 'Boot option',
      url: bootOptionUrl(option.name, explained),
      meaning: row ? oneLine(row.effect) : `${KIND_WORDS[option.kind]} of Xen's command line; when not given: ${initialValue(option).replace(/`/g, '')}.`,
    });
  }

  const xmRows = new Map(xm.map(({ data }) => [data.command, data]));
  for (const command of current.xm) {
    const row = xmRows.get(command.name);
    entries.push({
      name: command.name,
      kind: 'xm command',
      url: xmCommandUrl(command.name, xmRows.keys()),
      meaning: row
        ? oneLine(row.effect)
        : command.aliasOf
          ? `Old name of xm ${command.aliasOf}.`
          : (command.summary ?? `An xm command for ${XM_GROUP_LABELS[(command.group ?? 'other') as keyof typeof XM_GROUP_LABELS]}.`),
    });
  }

  const xenpmRows = new Map(xenpm.map(({ data }) => [data.command, data]));
  for (const command of current.xenpm) {
    const row = xenpmRows.get(command.name);
    entries.push({
      name: command.name,
      kind: 'xenpm command',
      url: `/reference/xenpm/#${anchorOf('xenpm-', command.name)}`,
      meaning: row ? oneLine(row.effect) : command.summary || 'Lists the xenpm subcommands.',
    });
  }

  const configRows = new Map<string, (typeof config)[number]['data']>();
  for (const { data } of config) if (!configRows.has(data.key)) configRows.set(data.key, data);
  for (const data of configRows.values()) {
    entries.push({ name: data.key, kind: 'Configuration key', url: configKeyUrl(data.key, [data]), meaning: oneLine(data.effect) });
  }
  for (const row of unexplainedConfigKeys(current, configRows.keys())) {
    entries.push({
      name: row.name,
      kind: 'Configuration key',
      url: configKeyUrl(row.name, []),
      meaning: oneLine(String(row.help)) || 'A key xm create reads.',
    });
  }

  for (const { data } of xend) {
    entries.push({ name: data.key, kind: 'xend-config.sxp setting', url: xendSettingUrl(data.key), meaning: oneLine(data.effect) });
  }

  const glossaryPages = await getGlossaryPages();
  for (const { data } of glossary) {
    const entry = { kind: 'Glossary' as const, url: glossaryUrl(data.id, glossaryPages), meaning: oneLine(data.definition) };
    entries.push({ name: data.term, ...entry });
    // "Domain 0" finds the Dom0 entry as "Dom0" does.
    if (data.expansion && data.expansion.toLowerCase() !== data.term.toLowerCase()) entries.push({ name: data.expansion, ...entry });
  }
  return entries;
}

/** Exact-name entries by first letter. */
export function nameBuckets(): Promise<Record<string, NameEntry[]>> {
  names ??= collectNames().then(bucketNames);
  return names;
}

/** Everything the site's pages say, as plain text, for the vocabulary, one text at a time. */
async function* siteTexts(): AsyncGenerator<string> {
  for (const { id, data } of await getCollection('articles', ({ data }) => !data.draft)) yield* [data.title, data.description, readArticleBody(id)];
  // Synonyms are indexed with the pages (SearchTerms.astro), so they are words Pagefind finds.
  for (const name of ['glossary', 'bootOptions', 'xmCommands', 'xenpm', 'domainConfig', 'xendConfig', 'products', 'synonyms'] as const) {
    for (const entry of await getCollection(name)) yield JSON.stringify(entry.data);
  }
  const { current } = siteManifests();
  for (const option of current.bootOptions) yield option.name;
  for (const command of [...current.xm, ...current.xenpm]) yield* [command.name, command.summary ?? ''];
  for (const key of current.domainConfig) yield* [key.name, key.help];
}

/**
 * The vocabulary by first letter. Each text is counted as siteTexts() yields it, so that no list
 * of every text (the data files as JSON among them) is held while counting.
 */
export function vocabularyBuckets(): Promise<Record<string, string[]>> {
  words ??= (async () => {
    const counts = new Map<string, number>();
    for await (const text of siteTexts()) countVocabulary(counts, text);
    return rankVocabulary(counts);
  })();
  return words;
}

/** The vocabulary spread over the known-word files, for deciding quickly that a query needs no correction. */
export function knownWordBuckets(): Promise<Record<string, string[]>> {
  known ??= vocabularyBuckets().then(knownBuckets);
  return known;
}
