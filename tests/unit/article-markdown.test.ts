import { describe, expect, it } from 'vitest';
import { articleMarkdown, type MarkdownArticle } from '../../src/lib/article-markdown.ts';
import { MDX_COMPONENT_SPECS } from '../../src/components/mdx/props.ts';
import { diagramText } from '../../src/lib/diagram-text.ts';
import { COMMIT, data, manifest, src } from './reference-data.ts';

const article = (body: string, extra: Partial<MarkdownArticle['data']> = {}): MarkdownArticle => ({
  id: 'guides/boot-xen',
  body,
  data: {
    title: 'Boot Xen 3.4',
    description: 'Add a GRUB entry and reboot.',
    kind: 'feature',
    sources: [src('README'), { title: 'Commit 9e8672f1c3', url: 'https://github.com/xen-project/xen/commit/9e8672f1c3' }],
    ...extra,
  },
});
const md = (body: string, extra?: Partial<MarkdownArticle['data']>) => articleMarkdown(article(body, extra), data);
/** Only the body part of the Markdown: between the "Web page" line and the sources. */
const body = (text: string) => md(text).split('\n\n## Sources\n\n')[0]!.split('\n\n').slice(3).join('\n\n');

describe('the Markdown version of an article', () => {
  it('has the title, the description, the page address, the body and the sources, in that order', () => {
    expect(md('Intro with **bold** text.\n\n## Steps\n\nMore.')).toBe(
      [
        '# Boot Xen 3.4',
        '> Add a GRUB entry and reboot.',
        'Web page: <https://kb.example/guides/boot-xen/>',
        'Intro with **bold** text.',
        '## Steps',
        'More.',
        '## Sources',
        `1. [Xen source: README](https://github.com/xen-project/xen/blob/${COMMIT}/README)\n2. [Commit 9e8672f1c3](https://github.com/xen-project/xen/commit/9e8672f1c3)`,
        // The audit line of the page's Sources, from the article's row of the ledger.
        'Checked against the Xen 3.4 source: 12 claims, 1 corrected, 0 resting on sources outside the tree. [How this page was checked](https://kb.example/reference/source-audit/guides-boot-xen/)',
      ].join('\n\n') + '\n',
    );
  });

  it('gives a guide its "Before you start" box', () => {
    const text = md('Body.', { kind: 'guide', estimatedMinutes: 30, prerequisites: ['Xen built', 'GRUB legacy'] });
    expect(text).toContain('## Before you start\n\nTime needed: about 30 minutes.\n\n- Xen built\n- GRUB legacy\n\nBody.');
  });

  it('writes a term as its text, and a term without text as the glossary term', () => {
    expect(body('<Term id="hvm">HVM guests</Term> need <Term id="dom0" />.')).toBe('HVM guests need Dom0.');
  });

  it('writes a callout as a block quote that starts with its label', () => {
    expect(body('<Callout type="warning" title="Back up first">\n\nKeep the **old** entry.\n\n</Callout>')).toBe(
      '> **Warning: Back up first**\n>\n> Keep the **old** entry.',
    );
    expect(body('<Callout type="later">\n\nFrom Xen 4.0, `xl`.\n\n</Callout>')).toBe('> **Later versions — not in Xen 3.4**\n>\n> From Xen 4.0, `xl`.');
    expect(body('<Callout type="later" title="After xm">\n\nText.\n\n</Callout>')).toBe('> **Later versions — not in Xen 3.4 · After xm**\n>\n> Text.');
    expect(body('<Callout>\n\nA note.\n\n</Callout>')).toBe('> **Note**\n>\n> A note.');
  });

  it('writes steps as their numbered list, code blocks indented, a code title as a line above the block', () => {
    const steps = [
      '<Steps>',
      '',
      '1. Back up the menu.',
      '',
      '   ```text title="/boot/grub/menu.lst"',
      '   title Xen 3.4',
      '   ```',
      '',
      '2. Reboot.',
      '',
      '</Steps>',
    ].join('\n');
    expect(body(steps)).toBe(
      ['1. Back up the menu.', '', '   */boot/grub/menu.lst*', '', '   ```text', '   title Xen 3.4', '   ```', '', '2. Reboot.'].join('\n'),
    );
  });

  it('describes a diagram in words', () => {
    expect(body('<Diagram name="power-states" />')).toBe('**Diagram: P-states and C-states.** Two bar charts side by side.');
  });

  it('writes the data tables as Markdown tables, with a column for each row’s source', () => {
    const boot = body('<BootOptionsTable area="power" />');
    expect(boot).toBe(
      [
        '**Xen 3.4 boot options for power management**',
        '',
        '| Option | Values | Default | Effect | Example | Source |',
        '| --- | --- | --- | --- | --- | --- |',
        `| \`max_cstate\` | \`integer\` | 7 | Caps the deepest C-state. Useful with \`xenpm\`. | \`max_cstate=1\` | [Xen source: xen/arch/x86/acpi/cpu_idle.c](https://github.com/xen-project/xen/blob/${COMMIT}/xen/arch/x86/acpi/cpu_idle.c); [Xen source: xen/arch/x86/time.c](https://github.com/xen-project/xen/blob/${COMMIT}/xen/arch/x86/time.c) |`,
      ].join('\n'),
    );
    expect(body('<BootOptionsTable area="ras" />'), 'a table without rows is left out').toBe('');
    expect(body('<XmCommandsTable group="domain" />')).toContain('| `list` | `xm list [options] [Domain, ...]` | Lists all domains. | `xm list` |');
    expect(body('<XmCommandsTable group="host" />')).toBe('');
    expect(body('<XenpmTable />')).toContain('| `get-cpuidle-states` | `[cpuid]` | Prints C-state statistics. | `xenpm get-cpuidle-states 0` |');
    expect(body('<DomainConfigTable guest="both" />')).toContain('| `memory` | `MB` | 128 | Initial memory. | `memory = 512` |');
    // What the shipped file says comes from the manifest: the form it sets, or that it has none.
    expect(body('<XendConfigTable area="relocation" />')).toContain('| `xend-relocation-server` | `yes` or `no` | no | Sets `(xend-relocation-server yes)` | Runs the relocation server. |');
    expect(body('<XendConfigTable area="storage" />')).toContain('| `xend-security-path` | a directory | /var/lib/xend/security | Not in the file | Where xend keeps security state. |');
  });

  it('lists what only the source manifest has, escaping a pipe inside a cell', () => {
    expect(body('<SourceListing list="xm" group="domain" />')).toContain(
      `| \`domid\` | \`xm domid <DomainName>\` | Convert a domain name to domain id. | — | [tools/python/xen/xm/main.py, line 142](https://github.com/xen-project/xen/blob/${COMMIT}/tools/python/xen/xm/main.py#L142) |`,
    );
    expect(body('<SourceListing list="xenpm" />')).toContain('| `start` | `[seconds]` | Sample residency \\| and print it |');
    expect(body('<SourceListing list="boot-options" group="power" />')).toContain('| `cpuidle_debug` | flag | off | x86 |');
  });

  it('writes the glossary, the comparison matrix, the change list and the audit ledger as tables', () => {
    expect(body('<GlossaryList />')).toContain(
      '| **HVM** (Hardware Virtual Machine) | A guest that runs unmodified, with `VT-x`. | [Boot Xen 3.4](https://kb.example/guides/boot-xen/) |' +
        ` [Xen source: README](https://github.com/xen-project/xen/blob/${COMMIT}/README); [Xen source: xen/arch/x86/hvm/hvm.c](https://github.com/xen-project/xen/blob/${COMMIT}/xen/arch/x86/hvm/hvm.c) |`,
    );
    expect(body('<ComparisonMatrix />')).toContain('| **Xen 3.4 with XCI** (Xen.org) | Type 1 | yes: hostPlatform value [source](');
    expect(body('<SourceChanges category="xm" />')).toBe('No xm subcommands were added or removed between Xen 3.3 and 3.4: the two trees list the same names.');
    expect(body('<AuditLedger />')).toContain(
      '| [`articles/guides/boot-xen.mdx`](https://kb.example/guides/boot-xen/) | 12 | 1 | **1 corrections:** `dom0_mem` default was wrong; now 1/16. |',
    );
  });

  it('lists every commit of a name removed in steps, as the page does', () => {
    const [newer, older] = ['66f2be91a7', 'f4c0f33f76'].map((id) => id.padEnd(40, '0'));
    const changes = {
      from: { commit: 'b9c620d078', name: '3.3.0-branched' },
      to: { commit: COMMIT, name: '3.4 branch point' },
      changes: [{ category: 'bootOptions' as const, name: 'xenheap_megabytes', change: 'removed' as const, commit: newer, subject: '[IA64] remove xenheap', also: [{ commit: older, subject: 'x86_64: remove xenheap' }] }],
    };
    const text = articleMarkdown(article('<SourceChanges category="bootOptions" />'), { ...data, manifests: { current: manifest, changes } });
    expect(text).toContain(
      `| \`xenheap_megabytes\` | Removed | [\`66f2be91a7\`](https://github.com/xen-project/xen/commit/${newer}) [IA64] remove xenheap; earlier, also [\`f4c0f33f76\`](https://github.com/xen-project/xen/commit/${older}) x86_64: remove xenheap |`,
    );
  });

  it('makes every link absolute, drops editor comments and leaves no component tag behind', () => {
    const text = body('See [the steps](/guides/boot-xen/#steps), [below](#sources) and [Xen](https://xenproject.org).\n\n{/* a note for editors */}\n\nEnd.');
    expect(text).toBe('See [the steps](https://kb.example/guides/boot-xen/#steps), [below](https://kb.example/guides/boot-xen/#sources) and [Xen](https://xenproject.org).\n\nEnd.');
  });

  it('has a Markdown version for every component authors may use', () => {
    for (const [name, spec] of Object.entries(MDX_COMPONENT_SPECS)) {
      const example = name === 'Diagram' ? '<Diagram name="power-states" />' : name === 'Steps' ? '<Steps>\n\n1. One.\n\n</Steps>' : spec.example.replace('…', '\n\ntext\n\n');
      expect(body(example), name).not.toMatch(/<[A-Z]/);
    }
  });

  it('names the article and the component it cannot convert', () => {
    expect(() => md('<Tabs>\n\nx\n\n</Tabs>')).toThrow('guides/boot-xen: <Tabs> has no Markdown version');
    expect(() => md('<Diagram name="nope" />')).toThrow('no such diagram. Available: power-states');
    expect(() => md('<Steps>\n\nJust a paragraph.\n\n</Steps>')).toThrow('<Steps> must contain one numbered list');
  });
});

describe('the words of a diagram', () => {
  it('are its SVG title and description and its caption, whitespace squashed', () => {
    const source = [
      '---',
      '// A diagram.',
      '---',
      '<figure class="diagram">',
      '  <svg viewBox="0 0 10 10" role="img">',
      '    <title id="t">Two   stacks</title>',
      '    <desc id="d">',
      '      Left, type 1;',
      '      right, type 2.',
      '    </desc>',
      '    <text x="1" y="1">Label</text>',
      '  </svg>',
      '  <figcaption>Type 1 runs on the hardware.</figcaption>',
      '</figure>',
    ].join('\n');
    expect(diagramText(source)).toEqual({ title: 'Two stacks', description: 'Left, type 1; right, type 2.', caption: 'Type 1 runs on the hardware.' });
  });

  it('are required', () => {
    expect(() => diagramText('<figure><svg></svg></figure>', 'power-states')).toThrow('The power-states diagram needs an SVG <title> and <desc>');
  });
});
