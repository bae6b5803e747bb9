import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitSections, writeCorpus } from '../../scripts/bench/corpus.ts';

/** An article's body: what follows its frontmatter. */
const bodyOf = (source: string) => source.replace(/^---\n[\s\S]*?\n---\n/, '').trim();
/** Self-closing block components: a data table, a diagram, a source listing. */
const blockComponents = (text: string) => [...text.matchAll(/^\s*(<[A-Z]\w*(\s[^>]*)?\/>)/gm)].map((m) => m[1]!.replace(/\s+/g, ' '));

describe('the synthetic corpus of npm run bench -- --scale', () => {
  let target: string;
  const synthetic: { file: string; template: string; body: string }[] = [];

  beforeAll(async () => {
    target = await mkdtemp(path.join(tmpdir(), 'kb-corpus-test-'));
    // As many synthetic articles as the site has real ones, whatever that number grows to.
    let real = 0;
    for (const section of await readdir(path.join('content', 'articles'))) real += (await readdir(path.join('content', 'articles', section))).length;
    const made = await writeCorpus(path.resolve('content'), target, real + 150);
    expect(made).toBe(150);
    for (const section of await readdir(path.join(target, 'articles'))) {
      for (const file of await readdir(path.join(target, 'articles', section))) {
        const match = /^(.+)-(\d+)\.mdx$/.exec(file);
        // Real slugs may end in a number too (client-hypervisors-2009): a synthetic one has its real article beside it.
        if (!match || (await readdir(path.join('content', 'articles', section))).includes(file)) continue;
        const body = bodyOf(await readFile(path.join(target, 'articles', section, file), 'utf8'));
        synthetic.push({ file: `${section}/${file}`, template: path.join('content', 'articles', section, `${match[1]}.mdx`), body });
      }
    }
  });
  afterAll(() => rm(target, { recursive: true, force: true }));

  it('makes no article longer than the real one it comes from, whose page passes the page budget', async () => {
    expect(synthetic.length).toBeGreaterThan(100);
    for (const { file, template, body } of synthetic) {
      const real = bodyOf(await readFile(template, 'utf8'));
      const { intro, sections } = splitSections(real);
      const text = body.replace(/\n\n## See also\n[\s\S]*$/, '');
      expect(text.length, `${file} is longer than ${template}`).toBeLessThanOrEqual([intro, ...sections].join('\n\n').length);
    }
  });

  it('borrows no section whose weight is in a component (a data table, a diagram) from another article', async () => {
    for (const { file, template, body } of synthetic) {
      const own = new Set(blockComponents(await readFile(template, 'utf8')));
      for (const component of blockComponents(body)) expect(own, `${file} borrowed ${component}`).toContain(component);
    }
  });
});
