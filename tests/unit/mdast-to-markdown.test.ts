import { describe, expect, it } from 'vitest';
import { markdownToMdast, mdxToMdast } from 'satteri';
import type { Root } from 'mdast';
import { escapeText, toMarkdown } from '../../src/lib/mdast-to-markdown.ts';

/** Parses Markdown and writes it back: what goes in should come out as the same document. */
const roundTrip = (markdown: string) => toMarkdown(mdxToMdast(markdown, { position: false }) as Root);

describe('writing Markdown from a syntax tree', () => {
  it('writes back headings, paragraphs, emphasis, code, links, quotes and breaks', () => {
    const source = [
      '# Title',
      '',
      'A *soft* and **strong** line with `code`, a [link](https://example.org "Example") and ![a picture](/images/x.png).',
      'A second line of the same paragraph.\\',
      'After a hard break.',
      '',
      '> Quoted',
      '>',
      '> twice.',
      '',
      '***',
      '',
      '```sh',
      'xm list',
      '```',
      '',
    ].join('\n');
    expect(roundTrip(source)).toBe(source);
  });

  it('keeps tight lists tight and loose lists loose, with nested content indented', () => {
    expect(roundTrip('- one\n- two\n  - nested\n')).toBe('- one\n- two\n  - nested\n');
    expect(roundTrip('3. three\n\n   more about three\n\n4. four\n')).toBe('3. three\n\n   more about three\n\n4. four\n');
  });

  it('writes GitHub tables with their alignment', () => {
    expect(roundTrip('| a | b | c |\n| :-- | --: | :-: |\n| 1 | `x\\|y` | 3 |\n')).toBe('| a | b | c |\n| :-- | --: | :-: |\n| 1 | `x\\|y` | 3 |\n');
  });

  it('writes a link whose text is its address as an autolink', () => {
    expect(roundTrip('[https://example.org/a](https://example.org/a)\n')).toBe('<https://example.org/a>\n');
  });

  it('uses a code fence longer than any backticks inside', () => {
    expect(toMarkdown({ type: 'root', children: [{ type: 'code', lang: 'md', value: 'a\n```\nb' }] })).toBe('````md\na\n```\nb\n````\n');
    expect(toMarkdown({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'inlineCode', value: 'a`b' }] }] })).toBe('``a`b``\n');
  });

  it('keeps two lists in a row apart', () => {
    const list = (value: string) => ({ type: 'list' as const, ordered: false, spread: false, children: [{ type: 'listItem' as const, spread: false, children: [{ type: 'paragraph' as const, children: [{ type: 'text' as const, value }] }] }] });
    expect(toMarkdown({ type: 'root', children: [list('a'), list('b')] })).toBe('- a\n\n<!-- -->\n\n- b\n');
  });

  it('refuses MDX nodes, which must be replaced first', () => {
    expect(() => roundTrip('<Callout>\n\nx\n\n</Callout>\n')).toThrow('cannot write a "mdxJsxFlowElement" <Callout> node');
  });
});

describe('escaping text', () => {
  it('escapes what Markdown would read as syntax', () => {
    expect(escapeText('2 * 3 and `tick`', false)).toBe('2 \\* 3 and \\`tick\\`');
    expect(escapeText('Press <RETURN> or &amp;', false)).toBe('Press \\<RETURN> or \\&amp;');
    expect(escapeText('[not](a link)', false)).toBe('[not\\](a link)');
    expect(escapeText('_emphasis_ but dom0_mem', false)).toBe('\\_emphasis\\_ but dom0_mem');
  });

  it('leaves ordinary text alone', () => {
    expect(escapeText('xenpm get-cpufreq-para [cpuid] uses 50% - or so (kHz) #1', false)).toBe('xenpm get-cpufreq-para [cpuid] uses 50% - or so (kHz) #1');
  });

  it('escapes block markers at the start of a line only', () => {
    expect(escapeText('# not a heading\n- not a list\n1. not a list\n> not a quote\n---', true)).toBe(
      '\\# not a heading\n\\- not a list\n1\\. not a list\n\\> not a quote\n\\---',
    );
    expect(escapeText('see # and - and 1. inline', false)).toBe('see # and - and 1. inline');
  });

  it('keeps a table cell on one line and its pipes inside it', () => {
    expect(escapeText('a | b\nc', false, { table: true })).toBe('a \\| b c');
  });

  it('reads back as the same text', () => {
    const texts = ['2 * 3', 'Press <RETURN>', '[a](b)', '_x_ and __init__', '# h', '1. one', 'a\\*b', 'C:\\path', '~~gone~~', '&copy;', 'a | b', '---'];
    for (const value of texts) {
      const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] };
      const parsed = markdownToMdast(toMarkdown(tree), { position: false }) as Root;
      const [paragraph] = parsed.children;
      expect(paragraph?.type === 'paragraph' && paragraph.children.map((node) => ('value' in node ? node.value : '?')).join(''), value).toBe(value);
    }
  });
});
