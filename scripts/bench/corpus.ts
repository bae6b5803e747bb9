import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { LEDGER_FILE } from '../../src/schemas/ledger.ts';
import { seededRandom } from '../seeded-random.ts';

interface Template {
  id: string;
  section: string;
  slug: string;
  data: Record<string, unknown>;
  intro: string;
  sections: string[];
}

/** Splits an MDX body into the text before the first `## ` heading and the `## ` sections, ignoring code fences. */
export function splitSections(body: string): { intro: string; sections: string[] } {
  const parts: string[][] = [[]];
  let fence = false;
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (!fence && /^## /.test(line)) parts.push([]);
    parts.at(-1)!.push(line);
  }
  const [intro, ...sections] = parts.map((p) => p.join('\n').trim());
  return { intro: intro ?? '', sections };
}

async function readTemplates(articles: string): Promise<Template[]> {
  const templates: Template[] = [];
  for (const section of await readdir(articles)) {
    for (const file of await readdir(path.join(articles, section))) {
      if (!file.endsWith('.mdx')) continue;
      const source = await readFile(path.join(articles, section, file), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
      if (!match) continue;
      const slug = file.replace(/\.mdx$/, '');
      templates.push({ id: `${section}/${slug}`, section, slug, data: parse(match[1]!), ...splitSections(match[2]!) });
    }
  }
  return templates.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Writes a content folder of `total` articles for benchmarks: the real articles and data files
 * (so glossary terms, tables and links resolve), plus synthetic articles made from the real ones —
 * each keeps a random share of a real article's sections, borrows sections from another article
 * of the same kind and links to other synthetic articles, so lengths, headings, code blocks,
 * terms and links vary as in real writing, none longer than the real article it is made from.
 * Returns how many articles were generated.
 */
export async function writeCorpus(contentDir: string, target: string, total: number, seed = 34): Promise<number> {
  await mkdir(target, { recursive: true });
  for (const entry of await readdir(contentDir, { withFileTypes: true })) {
    await cp(path.join(contentDir, entry.name), path.join(target, entry.name), { recursive: true });
  }
  const templates = await readTemplates(path.join(contentDir, 'articles'));
  // Reference pages render whole data files; the synthetic articles are prose, like most pages.
  const prose = templates.filter((t) => t.section !== 'reference' && t.sections.length > 0);
  // The same seed builds the same corpus on every run.
  const rng = seededRandom(seed);
  const count = Math.max(0, total - templates.length);
  const ids: string[] = templates.map((t) => t.id);
  const made: { id: string; title: string }[] = [];
  const ledgerRows: { file: string; checked: number; corrected: number }[] = [];
  // No synthetic article is longer than the real one it is made from: every real article passes
  // the page budget (scripts/check-pages.ts), which would send a longer one back to its author to
  // be split, so a corpus of longer ones would measure articles the site does not accept.
  const length = (t: Template) => [t.intro, ...t.sections].join('\n\n').length;
  // Nor is its length hidden in a component: a borrowed section with a self-closing block
  // component (<ComparisonMatrix />, <BootOptionsTable … />, <Diagram … />) renders a data file or
  // a drawing whose size its text does not show, so only the article it came from keeps it.
  const rendersElsewhere = (section: string) => /^\s*<[A-Z]\w*(\s[^>]*)?\/>/m.test(section);
  for (let i = 1; i <= count; i++) {
    const t = prose[i % prose.length]!;
    const sameKind = prose.filter((o) => o.section === t.section && o.id !== t.id);
    const keep = t.sections.filter(() => rng.next() < 0.7);
    if (keep.length === 0) keep.push(rng.pick(t.sections));
    const borrowed = Array.from({ length: rng.int(0, 2) }, () => rng.pick(rng.pick(sameKind.length ? sameKind : prose).sections)).filter(
      (section) => !rendersElsewhere(section),
    );
    const links = Array.from({ length: Math.min(made.length, rng.int(1, 3)) }, () => rng.pick(made));
    const seeAlso = links.length ? `\n\n## See also\n\n${links.map((l) => `- [${l.title}](/${l.id}/)`).join('\n')}` : '';
    const parts = [t.intro];
    for (const section of [...keep, ...borrowed]) {
      if (parts.length > 1 && [...parts, section].join('\n\n').length > length(t)) continue;
      parts.push(section);
    }
    const body = parts.join('\n\n') + seeAlso;

    const slug = `${t.slug}-${i}`;
    const id = `${t.section}/${slug}`;
    const baseTitle = String(t.data.title).slice(0, 70);
    const title = `${baseTitle} (case ${i})`;
    const data = {
      ...t.data,
      title,
      order: 1000 + i,
      related: Array.from(new Set([rng.pick(ids), rng.pick(ids)])).filter((r) => r !== id),
    };
    await mkdir(path.join(target, 'articles', t.section), { recursive: true });
    await writeFile(path.join(target, 'articles', t.section, `${slug}.mdx`), `---\n${stringify(data)}---\n\n${body}\n`);
    ids.push(id);
    made.push({ id, title });
    ledgerRows.push({ file: `articles/${id}.mdx`, checked: parts.length - 1, corrected: 0 });
  }
  // The content check wants a row in the source audit ledger for every article: a synthetic one
  // is made of audited sections, so its row says they were checked and none corrected.
  const ledger = path.join(target, LEDGER_FILE);
  if (ledgerRows.length && existsSync(ledger)) await appendFile(ledger, `\n${stringify(ledgerRows)}`);
  return count;
}
