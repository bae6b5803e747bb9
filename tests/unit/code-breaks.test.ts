import { describe, expect, test } from 'vitest';
import { markdownToHtml } from 'satteri';
import { codeBreakParts, codeBreaks } from '../../src/integrations/code-breaks.ts';

const html = (markdown: string) => markdownToHtml(markdown, { hastPlugins: [codeBreaks] }).html;

describe('code breaks', () => {
  test('a path breaks after each slash but the first; a setting after its = and its commas', () => {
    expect(codeBreakParts('/local/domain/<id>/')).toEqual(['/local/', 'domain/', '<id>/']);
    expect(codeBreakParts('cpus=0,1')).toEqual(['cpus=', '0,', '1']);
    expect(codeBreakParts('tap:aio:/srv/a.img')).toEqual(['tap:', 'aio:/', 'srv/', 'a.img']);
    expect(codeBreakParts('connected')).toEqual(['connected']);
  });

  test('code in a table cell gets <wbr> at its break points, and its text is unchanged', () => {
    const out = html('| key | value |\n| --- | --- |\n| `dom0_mem=512M` | `/local/domain/0/` |\n');
    expect(out).toContain('<td><code>dom0_<wbr>mem=<wbr>512M</code></td>');
    expect(out).toContain('<td><code>/local/<wbr>domain/<wbr>0/</code></td>');
  });

  test('an option at the start of table code stays in one piece', () => {
    const out = html('| option |\n| --- |\n| `-s` |\n| `--entry=N` |\n| `--kernel=PATH`, `xm -h` |\n');
    expect(out).toContain('<td><code><span class="whitespace-nowrap">-s</span></code></td>');
    expect(out).toContain('<code><span class="whitespace-nowrap">--entry</span>=<wbr>N</code>');
    expect(out).toContain('<code>xm -h</code>');
  });

  test('code in running text and code blocks are left as they are', () => {
    const out = html('See `/local/domain/0/`.\n\n```sh\nxenstore-ls /local/domain/0\n```\n');
    expect(out).toContain('<code>/local/domain/0/</code>');
    expect(out).toContain('xenstore-ls /local/domain/0');
    expect(out).not.toContain('<wbr>');
  });
});
