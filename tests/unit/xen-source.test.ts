import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffManifests, withCommits } from '../../src/lib/xen-source/changes.ts';
import { evaluate, extractBootOptions } from '../../src/lib/xen-source/boot-options.ts';
import { buildManifest } from '../../src/lib/xen-source/manifest.ts';
import { assignment, calls } from '../../src/lib/xen-source/python-literal.ts';
import type { XenManifest } from '../../src/schemas/xen-manifest.ts';
import { BOOT_AREAS } from '../../src/schemas/data.ts';
import { readManifests } from '../../src/lib/xen-source/manifests.ts';
import { bootOptionArea, builtFor, changeRows, referenceLink, unexplainedBootOptions } from '../../src/lib/source-listing.ts';

const TREE = path.resolve(import.meta.dirname, '../fixtures/xen-tree');
const COMMIT = 'a'.repeat(40);
const manifest = buildManifest(TREE, { commit: COMMIT, name: 'fixture' });
const option = (name: string) => manifest.bootOptions.find((entry) => entry.name === name);

describe('the source manifest of a tree', () => {
  it('names the tree and the version its makefile builds', () => {
    expect(manifest.tree).toEqual({ commit: COMMIT, name: 'fixture', version: '9.8.7-test' });
  });

  it('finds every boot option registration with its kind, file and line', () => {
    expect(manifest.bootOptions.map((entry) => entry.name)).toEqual([
      'choice', 'elsewhere', 'first', 'gdb', 'hidden', 'mode', 'name', 'nosmp', 'on', 'plain', 'second', 'trace', 'vesa-mtrr', 'vesa-ram', 'wide', 'widget_limit',
    ]);
    expect(option('plain')).toEqual({
      name: 'plain',
      kind: 'boolean',
      sites: [{ file: 'xen/common/widgets.c', line: 5, kind: 'boolean', variable: 'opt_plain', arch: 'common', initial: 0, initialFrom: 'implicit' }],
    });
    expect(option('mode')?.sites[0]).toMatchObject({ kind: 'custom', variable: 'parse_mode', line: 21 });
    expect(option('mode')?.sites[0]).not.toHaveProperty('initial');
    expect(option('hidden')?.kind).toBe('invbool');
  });

  it('reads initial values written as literals, through macros, or left to zero', () => {
    expect(option('on')?.sites[0]).toMatchObject({ initial: 1, initialFrom: 'literal' });
    expect(option('widget_limit')?.sites[0]).toMatchObject({ initial: 5, initialFrom: 'define' });
    expect(option('name')?.sites[0]).toMatchObject({ initial: 'gizmo', initialFrom: 'define' });
    // Two variables in one definition; a commented-out `static`.
    expect(option('first')?.sites[0]).toMatchObject({ initial: '', initialFrom: 'literal' });
    expect(option('second')?.sites[0]).toMatchObject({ initial: 'tty', initialFrom: 'literal' });
    expect(option('hidden')?.sites[0]).toMatchObject({ initial: -1, initialFrom: 'literal' });
    // Defined in another file of the tree.
    expect(option('elsewhere')?.sites[0]).toMatchObject({ initial: 1, initialFrom: 'literal', arch: 'x86' });
    // A macro the tree does not define: the expression is kept, no value is made up.
    expect(option('wide')?.sites[0]).toMatchObject({ initialExpression: 'NO_SUCH_MACRO * 2' });
    expect(option('wide')?.sites[0]).not.toHaveProperty('initial');
    // Two definitions under #ifdef: both values, and no claim that either is the default.
    expect(option('choice')?.sites[0]).toMatchObject({ initialExpression: '"quiet" or "loud", as the build configuration chooses' });
    expect(option('choice')?.sites[0]).not.toHaveProperty('initial');
  });

  it('reads what a build needs for an option to exist from the makefiles and #ifs around it', () => {
    // obj-$(CONFIG_X86_64) += vesa.o, and config/x86_64.mk alone sets CONFIG_X86_64.
    expect(option('vesa-ram')?.sites[0]?.needs).toEqual([{ arch: 'x86_64' }]);
    // #if defined(CONFIG_X86) inside a 64-bit-only file narrows nothing further.
    expect(option('vesa-mtrr')?.sites[0]?.needs).toEqual([{ arch: 'x86_64' }]);
    // obj-$(crash_debug) += gdbstub.o, with crash_debug ?= n: a build option.
    expect(option('gdb')?.sites[0]?.needs).toEqual([{ option: 'crash_debug' }]);
    // #ifdef of a symbol whose #define is commented out: no build has it as shipped.
    expect(option('trace')?.sites[0]?.needs).toEqual([{ define: 'DEBUG_TRACE', file: 'xen/include/xen/lib.h', line: 1 }]);
    // Built everywhere: no needs at all; an x86 file's folder already says x86.
    expect(option('plain')?.sites[0]).not.toHaveProperty('needs');
    expect(option('elsewhere')?.sites[0]).not.toHaveProperty('needs');
  });

  it('fails, naming the line, on a build condition it cannot place', () => {
    const tree = {
      list: () => ['xen/common/Makefile', 'xen/common/odd.c'],
      read: (file: string) => (file === 'xen/common/Makefile' ? 'obj-$(mystery) += odd.o\n' : 'integer_param("odd", odd);\n'),
      has: (file: string) => file === 'xen/common/Makefile',
    };
    expect(() => extractBootOptions(tree)).toThrow(/xen\/common\/Makefile:1: cannot tell when \$\(mystery\) is built/);
  });

  it('keeps each architecture’s registration of one name', () => {
    expect(option('nosmp')?.sites.map((site) => [site.arch, site.initialFrom])).toEqual([
      ['ia64', 'literal'],
      ['x86', 'implicit'],
    ]);
  });

  it('reads xenpm subcommands from the command table and their usage from the help text', () => {
    expect(manifest.xenpm).toEqual([
      { name: 'help', file: 'tools/misc/xenpm.c', line: 18, args: '', summary: '' },
      { name: 'get-states', file: 'tools/misc/xenpm.c', line: 19, args: '[cpuid]', summary: 'list the states of CPU <cpuid> or all' },
      { name: 'set-speed', file: 'tools/misc/xenpm.c', line: 20, args: '[cpuid] <HZ>', summary: 'set the speed <HZ> on CPU <cpuid> or all CPUs' },
      { name: 'set-knob', file: 'tools/misc/xenpm.c', line: 21, args: 'enable|disable', summary: 'switch the knob' },
      { name: 'set-limit', file: 'tools/misc/xenpm.c', line: 22, args: '<num>', summary: 'set the limit' },
      { name: 'get-topology', file: 'tools/misc/xenpm.c', line: 23, args: '', summary: 'show the topology' },
    ]);
  });

  it('reads every xm subcommand main.py dispatches, with usage, options, group and aliases', () => {
    const byName = Object.fromEntries(manifest.xm.map((command) => [command.name, command]));
    expect(Object.keys(byName).sort()).toEqual(['create', 'event-monitor', 'help', 'info', 'list', 'ls']);
    expect(byName.info).toMatchObject({ args: '[-c|--config]', summary: 'Describe the host.', group: 'host', line: 7 });
    expect(byName.info!.options).toEqual([{ short: '-c', long: '--config', help: 'List configuration' }]);
    expect(byName.list).toMatchObject({ args: '[options] [Domain, ...]', summary: 'List domains.', group: 'domain' });
    expect(byName.create).toMatchObject({ group: 'domain', args: '<ConfigFile> [options] [vars]' });
    expect(byName['event-monitor']).toMatchObject({ args: null, summary: null, group: null });
    expect(byName.ls).toMatchObject({ aliasOf: 'list' });
  });

  it('reads domain configuration keys with create.py’s default and xend’s fallback', () => {
    expect(manifest.domainConfig.map((key) => key.name)).toEqual(['name', 'memory', 'disk', 'vnc', 'interface', 'secret_knob']);
    const memory = manifest.domainConfig[1]!;
    expect(memory).toMatchObject({ line: 7, values: 'MEMORY', default: 128, help: 'Domain memory in MB.' });
    expect(manifest.domainConfig[2]!.default).toEqual([]);
    expect(manifest.domainConfig[3]).toMatchObject({
      default: null,
      xendDefaults: [{ file: 'tools/python/xen/xend/image.py', line: 1, value: 0 }],
    });
    expect(manifest.domainConfig[4]).toMatchObject({ default: null, defaultExpression: 'default_interface()', declared: true });
  });

  it('adds the keys configure_hvm passes on without declaring them', () => {
    expect(manifest.domainConfig[5]).toEqual({
      name: 'secret_knob',
      file: 'tools/python/xen/xm/create.py',
      line: 26,
      values: '',
      default: null,
      help: '',
      declared: false,
      xendDefaults: [{ file: 'tools/python/xen/xend/image.py', line: 3, value: 0 }],
    });
  });

  it('reads xend-config.sxp settings, active and commented, skipping forms nested in examples', () => {
    expect(manifest.xendConfig).toEqual([
      { key: 'logfile', line: 2, value: null, commented: ['/var/log/xen/xend.log'] },
      { key: 'network-script', line: 3, value: 'network-bridge', commented: ['network-route'] },
      { key: 'api-server', line: 7, value: null, commented: ["((9363 pam '^localhost$') (unix none))"] },
      { key: 'dom0-min-mem', line: 9, value: '196', commented: [] },
    ]);
  });

  it('reads the settings xend asks for, with the fallback a literal or a class attribute gives', () => {
    const file = 'tools/python/xen/xend/XendOptions.py';
    expect(manifest.xendOptions).toEqual([
      { key: 'xend-relocation-port', file, line: 11, type: 'int', default: 8002 },
      { key: 'enable-dump', file, line: 15, type: 'bool', default: 'no' },
      { key: 'network-script', file, line: 18, type: 'string', default: null },
      { key: 'vif-script', file, line: 21, type: 'string', default: null, defaultExpression: 'self.vif_script' },
      { key: 'enable-dom0-ballooning', file, line: 25, type: 'bool', default: null, defaultExpression: 'enable_dom0_ballooning_default' },
      // The docstring on the line after the attribute is not part of its value.
      { key: 'logfile', file, line: 29, type: 'string', default: '/var/log/xen/xend.log' },
      { key: 'xen-api-server', file, line: 37, type: 'value', default: [['unix']] },
    ]);
  });

  it('counts the lines of text files and leaves binaries out', () => {
    expect(manifest.files['xen/common/widgets.c']).toBe(33);
    expect(manifest.files).not.toHaveProperty('tools/firmware/blob.bin');
  });
});

describe('Python literals', () => {
  it('joins adjacent strings, unescapes, and tells a tuple from parentheses', () => {
    const source = `X = {'a': ('one' "two", 'it\\'s'), 'b': ('x',), 'c': ('y'), 'd': None, 'e': [1, -2]}\n`;
    const value = assignment(source, 'X')!.value;
    expect('dict' in value && value.dict.map(([key, item]) => [key, item])).toEqual([
      [{ literal: 'a' }, { literal: ['onetwo', "it's"] }],
      [{ literal: 'b' }, { literal: ['x'] }],
      [{ literal: 'c' }, { literal: 'y' }],
      [{ literal: 'd' }, { literal: null }],
      [{ literal: 'e' }, { literal: [1, -2] }],
    ]);
  });

  it('reads call arguments, keeping what is not a literal as text', () => {
    const [call] = calls(`  opt('a', val='B', default=f(1, 2) + 3, use="""x\n y""")\n`, 'opt');
    expect(call!.positional).toEqual([{ literal: 'a' }]);
    expect(call!.keywords).toEqual({ val: { literal: 'B' }, default: { text: 'f(1, 2) + 3' }, use: { literal: 'x\n y' } });
  });
});

describe('C initialisers', () => {
  it('evaluates integer arithmetic over macros without running the text', () => {
    const defines: Record<string, string> = { A: '8', B: '(A * 2)', S: '"text"' };
    const lookup = (name: string) => defines[name];
    expect(evaluate('A - 1', lookup)).toBe(7);
    expect(evaluate('B + 0x10', lookup)).toBe(32);
    expect(evaluate('S', lookup)).toBe('text');
    expect(evaluate('A - C', lookup)).toBeUndefined();
    expect(evaluate('sizeof(long)', lookup)).toBeUndefined();
  });
});

describe('changes between two manifests', () => {
  const base = { ...manifest, bootOptions: [], xenpm: [], xm: [], domainConfig: [], xendConfig: [] } as XenManifest;
  const from: XenManifest = { ...base, bootOptions: [option('plain')!, option('on')!] };
  const to: XenManifest = { ...base, bootOptions: [option('on')!, option('mode')!], xenpm: manifest.xenpm.slice(0, 1) };

  it('lists what was added and removed, category by category', () => {
    expect(diffManifests(from, to)).toEqual([
      { category: 'bootOptions', name: 'mode', change: 'added' },
      { category: 'bootOptions', name: 'plain', change: 'removed' },
      { category: 'xenpm', name: 'help', change: 'added' },
    ]);
  });

  it('takes the oldest commit for an addition and the newest for a removal, with the older ones that changed it', () => {
    const searched: string[] = [];
    const log = (needle: string, paths: string[]): [string, string][] => {
      searched.push(`${needle} in ${paths.join(' ')}`);
      if (needle === '"help"') return [];
      return [
        ['2'.repeat(40), 'newest'],
        ['1'.repeat(40), 'oldest'],
      ];
    };
    expect(withCommits(diffManifests(from, to), log)).toEqual([
      { category: 'bootOptions', name: 'mode', change: 'added', commit: '1'.repeat(40), subject: 'oldest' },
      {
        category: 'bootOptions',
        name: 'plain',
        change: 'removed',
        commit: '2'.repeat(40),
        subject: 'newest',
        also: [{ commit: '1'.repeat(40), subject: 'oldest' }],
      },
      { category: 'xenpm', name: 'help', change: 'added' },
    ]);
    expect(searched).toEqual(['_param("mode" in xen/', '_param("plain" in xen/', '"help" in tools/misc/xenpm.c']);
  });

  it('finds a domain configuration key that create.py passes on without declaring it', () => {
    const hvm: XenManifest = { ...base, domainConfig: [{ ...manifest.domainConfig[0]!, name: 'xen_extended_power_mgmt' }] };
    const searched: string[] = [];
    const log = (needle: string): [string, string][] => {
      searched.push(needle);
      return needle === "'xen_extended_power_mgmt'" ? [['3'.repeat(40), 'hvm: Battery Management']] : [];
    };
    expect(withCommits(diffManifests(base, hvm), log)).toEqual([
      { category: 'domainConfig', name: 'xen_extended_power_mgmt', change: 'added', commit: '3'.repeat(40), subject: 'hvm: Battery Management' },
    ]);
    expect(searched).toEqual(["gopts.var('xen_extended_power_mgmt'", "'xen_extended_power_mgmt'"]);
  });
});

describe('the reference listings', () => {
  const real = readManifests(path.resolve(import.meta.dirname, '../../content/source'))!;

  it('puts every 3.4 boot option in exactly one group, and each x86 group in a page section', () => {
    const all = BOOT_AREAS.flatMap((area) => unexplainedBootOptions(real.current, [], area).map((row) => row.name));
    expect(all.sort()).toEqual(real.current.bootOptions.map((option) => option.name).sort());
    expect(bootOptionArea(real.current.bootOptions.find((o) => o.name === 'hpetbroadcast')!)).toBe('power');
    expect(bootOptionArea(real.current.bootOptions.find((o) => o.name === 'dom_rid_bits')!)).toBe('ia64');
    expect(bootOptionArea(real.current.bootOptions.find((o) => o.name === 'flask_enforcing')!)).toBe('security');
  });

  it('says which builds of 3.4 have an option', () => {
    const built = (name: string) => builtFor(real.current.bootOptions.find((o) => o.name === name)!);
    expect(built('sync_console')).toBe('x86 and IA-64');
    expect(built('hpetbroadcast')).toBe('x86');
    expect(built('dom_rid_bits')).toBe('IA-64');
    expect(built('vesa-ram')).toBe('64-bit x86');
    expect(built('gdb')).toBe('x86 and IA-64, with `make crash_debug=y`');
    expect(built('debugtrace')).toBe('none as shipped (x86 and IA-64, once `DEBUG_TRACE_DUMP` is defined: its `#define` is commented out in xen/include/xen/lib.h, line 48)');
  });

  it('lists only what no explained row covers, and says what the code starts with', () => {
    const power = unexplainedBootOptions(real.current, ['com1 / com2', 'iommu=pv', 'max_cstate'], 'power');
    expect(power.map((row) => row.name)).not.toContain('max_cstate');
    const slop = power.find((row) => row.name === 'timer_slop')!;
    expect(slop).toMatchObject({ kind: 'integer', initial: '50000' });
    expect(slop.sources[0]!.url).toBe(`https://github.com/xen-project/xen/blob/${real.current.tree.commit}/xen/common/timer.c#L29`);
    const consoleRows = unexplainedBootOptions(real.current, ['com1 / com2'], 'console-memory').map((row) => row.name);
    expect(consoleRows).not.toContain('com2');
    expect(unexplainedBootOptions(real.current, [], 'console-memory').find((row) => row.name === 'sync_console')?.initial).toBe('off');
  });

  it('links each change to its row, or to the 3.3 line it came from', () => {
    const explained = { bootOptions: [{ name: 'com1 / com2', area: 'console-memory' as const }], xm: [], xenpm: [], domainConfig: [{ key: 'vpt_align', guest: 'hvm' as const }] };
    const boot = changeRows(real, 'bootOptions', explained);
    // An option no explained row covers is on the page of options listed from the source.
    expect(boot.find((row) => row.name === 'timer_slop')).toMatchObject({ change: 'added', href: '/reference/boot-options/from-source/#opt-timer-slop' });
    expect(boot.find((row) => row.name === 'msi')).toMatchObject({
      change: 'removed',
      href: `https://github.com/xen-project/xen/blob/${real.previous!.tree.commit}/xen/arch/x86/io_apic.c#L49`,
      commit: { id: 'ddf4a60539' },
    });
    // A name removed in steps shows every step: xenheap_megabytes left x86_64 before ia64.
    expect(boot.find((row) => row.name === 'xenheap_megabytes')).toMatchObject({
      commit: { id: '66f2be91a7', subject: '[IA64] remove static-partitioned xenheap' },
      also: [{ id: 'f4c0f33f76', subject: 'x86_64: Remove statically-partitioned Xen heap' }],
    });
    expect(changeRows(real, 'domainConfig', explained).find((row) => row.name === 'vpt_align')?.href).toBe('/reference/hvm-guest-configuration/#cfg-hvm-vpt-align');
    expect(referenceLink('bootOptions', 'com2', real.current, explained)).toBe('/reference/boot-options/#opt-com1-com2');
    // An explained power option is on the page of power options.
    expect(referenceLink('bootOptions', 'timer_slop', real.current, { ...explained, bootOptions: [{ name: 'timer_slop', area: 'power' }] })).toBe(
      '/reference/power-management-boot-options/#opt-timer-slop',
    );
    expect(referenceLink('bootOptions', 'no_such_option', real.current, explained)).toBeUndefined();
    // So is a configuration key: its row is on the page of keys listed from the source.
    expect(referenceLink('domainConfig', 'xen_platform_pci', real.current, explained)).toBe('/reference/domain-configuration/from-source/#cfg-src-xen-platform-pci');
    expect(referenceLink('domainConfig', 'no_such_key', real.current, explained)).toBeUndefined();
    // A setting xend reads links to its row on the xend-config.sxp reference.
    expect(referenceLink('xendConfig', 'xend-udev-event-server', real.current, explained)).toBe('/reference/xend-configuration/#xend-xend-udev-event-server');
    expect(referenceLink('xendConfig', 'no-such-setting', real.current, explained)).toBeUndefined();
  });
});
