/**
 * A small set of reference data for unit tests: a Xen tree of two xm commands, two boot options
 * and two xenpm subcommands, one explained row of each data file, a product, a ledger row.
 */
import type { MarkdownData } from '../../src/lib/article-markdown.ts';
import type { XenManifest } from '../../src/schemas/xen-manifest.ts';

export const COMMIT = '20a0b3ef152ef0f6a83b4644911086af85f2938d';
export const src = (path: string) => ({ title: `Xen source: ${path}`, url: `https://github.com/xen-project/xen/blob/${COMMIT}/${path}` });

export const manifest: XenManifest = {
  tree: { commit: COMMIT, name: '3.4 branch point', version: '3.4.0' },
  bootOptions: [
    { name: 'max_cstate', kind: 'integer', sites: [{ file: 'xen/arch/x86/acpi/cpu_idle.c', line: 63, kind: 'integer', variable: 'max_cstate', arch: 'x86', initial: 7 }] },
    { name: 'cpuidle_debug', kind: 'boolean', sites: [{ file: 'xen/arch/x86/acpi/cpu_idle.c', line: 80, kind: 'boolean', variable: 'dbg', arch: 'x86', initial: 0 }] },
  ],
  xenpm: [
    { name: 'get-cpuidle-states', file: 'tools/misc/xenpm.c', line: 959, args: '[cpuid]', summary: 'C-state statistics' },
    { name: 'start', file: 'tools/misc/xenpm.c', line: 970, args: '[seconds]', summary: 'Sample residency | and print it' },
  ],
  xm: [
    { name: 'list', file: 'tools/python/xen/xm/main.py', line: 108, args: '[options] [Domain, ...]', summary: 'List information about all/some domains.', options: [], group: 'domain' },
    { name: 'domid', file: 'tools/python/xen/xm/main.py', line: 142, args: '<DomainName>', summary: 'Convert a domain name to domain id.', options: [], group: 'domain' },
  ],
  domainConfig: [],
  xendConfig: [
    { key: 'xend-relocation-server', line: 64, value: 'yes', commented: ['no'] },
    { key: 'dom0-min-mem', line: 189, value: '196', commented: [] },
    { key: 'vnc-listen', line: 208, value: null, commented: ["'127.0.0.1'"] },
  ],
  xendOptions: [],
  files: {},
};

export const data: MarkdownData = {
  glossary: [
    { id: 'hvm', term: 'HVM', expansion: 'Hardware Virtual Machine', definition: 'A guest that runs unmodified, with `VT-x`.', articles: ['guides/boot-xen'], sources: [src('README'), src('xen/arch/x86/hvm/hvm.c')] },
    { id: 'dom0', term: 'Dom0', definition: 'The first domain.', articles: [], sources: [src('README')] },
  ],
  bootOptions: [
    {
      name: 'max_cstate',
      area: 'power',
      values: 'integer',
      default: '7',
      effect: 'Caps the deepest C-state. Useful with `xenpm`.',
      example: 'max_cstate=1',
      commandLine: 'xen',
      sources: [src('xen/arch/x86/acpi/cpu_idle.c'), src('xen/arch/x86/time.c')],
    },
  ],
  xenpm: [{ command: 'get-cpuidle-states', arguments: '[cpuid]', effect: 'Prints C-state statistics.', example: 'xenpm get-cpuidle-states 0', sources: [src('tools/misc/xenpm.c')] }],
  xm: [{ command: 'list', synopsis: 'xm list [options] [Domain, ...]', effect: 'Lists all domains.', example: 'xm list', sources: [src('tools/python/xen/xm/main.py')] }],
  domainConfig: [{ key: 'memory', guest: 'both', values: 'MB', default: '128', effect: 'Initial memory.', example: 'memory = 512', sources: [src('tools/python/xen/xm/create.py')] }],
  xendConfig: [
    { key: 'xend-relocation-server', area: 'relocation', values: '`yes` or `no`', default: 'no', effect: 'Runs the relocation server.', sources: [src('tools/python/xen/xend/XendOptions.py')] },
    { key: 'xend-security-path', area: 'storage', values: 'a directory', default: '/var/lib/xend/security', effect: 'Where xend keeps security state.', sources: [src('tools/python/xen/xend/XendOptions.py')] },
  ],
  products: [
    {
      id: 'xen-xci',
      data: {
        name: 'Xen 3.4 with XCI',
        vendor: 'Xen.org',
        type: '1',
        order: 1,
        summary: 'The client initiative.',
        cells: Object.fromEntries(
          ['hostPlatform', 'licence', 'hardwareVirtualisation', 'graphics3d', 'devicePassthrough', 'powerManagement', 'guests', 'firstRelease', 'status'].map((key) => [
            key,
            { value: `${key} value`, rating: 'yes', source: src('README') },
          ]),
        ) as never,
      },
    },
  ],
  ledger: [{ file: 'articles/guides/boot-xen.mdx', checked: 12, corrected: 1, corrections: ['`dom0_mem` default was wrong; now 1/16'], confirmed: [], unverifiable: [] }],
  manifests: { current: manifest },
  diagrams: new Map([['power-states', { title: 'P-states and C-states', description: 'Two bar charts side by side.' }]]),
  articleTitles: new Map([['guides/boot-xen', 'Boot Xen 3.4']]),
  origin: 'https://kb.example',
};
