import { describe, expect, it } from 'vitest';
import { llmsFullTxt, llmsTxt, type LlmsArticle } from '../../src/lib/llms-txt.ts';
import { SITE } from '../../src/site.config.ts';

const article = (id: string, kind: LlmsArticle['data']['kind'], order: number, title: string): LlmsArticle => ({
  id,
  data: { title, description: `What ${title} says.`, kind, order, topics: [], related: [] },
});
const articles = [
  article('guides/first-guest', 'guide', 2, 'First guest'),
  article('features/power', 'feature', 1, 'Power'),
  article('guides/boot-xen', 'guide', 1, 'Boot Xen'),
];

describe('llms.txt', () => {
  it('names the site, sums it up and links each article’s Markdown by section, in reading order', () => {
    const text = llmsTxt(articles, 'https://kb.example');
    expect(text.startsWith(`# ${SITE.title}\n\n> ${SITE.description}\n\n`)).toBe(true);
    expect(text).toContain('such as <https://kb.example/guides/boot-xen.md>. <https://kb.example/llms-full.txt> holds every article in one file.');
    expect(text).toContain(
      [
        '## Features',
        '',
        '- [Power](https://kb.example/features/power.md): What Power says.',
        '',
        '## Guides',
        '',
        '- [Boot Xen](https://kb.example/guides/boot-xen.md): What Boot Xen says.',
        '- [First guest](https://kb.example/guides/first-guest.md): What First guest says.',
        '',
      ].join('\n'),
    );
    expect(text, 'sections without articles are left out').not.toContain('## Comparisons');
  });

  it('llms-full.txt holds every article’s Markdown in the same order', () => {
    const full = llmsFullTxt(articles.map((a) => ({ article: a, markdown: `# ${a.data.title}\n\nBody.\n` })));
    expect(full).toBe('# Power\n\nBody.\n\n***\n\n# Boot Xen\n\nBody.\n\n***\n\n# First guest\n\nBody.\n');
  });
});
