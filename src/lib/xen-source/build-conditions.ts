import path from 'node:path/posix';
import { PLATFORMS, platformsOf, type BuildNeed, type Platform } from '../../schemas/xen-manifest.ts';
import type { SourceTree } from './tree.ts';

/**
 * What a build of the hypervisor needs for a line of xen/ to be compiled in: the platforms whose
 * makefiles reach its file (`obj-$(CONFIG_X86_64) += vesa.o`), the build options that switch it
 * on (`obj-$(crash_debug) += gdbstub.o`, `make crash_debug=y`), and the preprocessor symbols
 * around the line (`#ifdef DEBUG_TRACE_DUMP`, whose `#define` the tree leaves commented out).
 *
 * Everything is read from the tree's own makefiles and headers. A condition it cannot place
 * fails the extraction, naming the file and line, so a new tree cannot be listed wrongly.
 */

/** The architecture folder of each platform, under xen/arch/. */
const FOLDERS: Record<Platform, 'x86' | 'ia64'> = { x86_32: 'x86', x86_64: 'x86', ia64: 'ia64' };
const ARCH_FOLDERS = [...new Set(Object.values(FOLDERS))];

/** The need for a set of platforms: none for all of them, else the architecture that is exactly them. */
function archNeed(platforms: Iterable<Platform>, where: string): BuildNeed[] {
  const set = new Set(platforms);
  if (set.size === PLATFORMS.length) return [];
  if (set.size === 2 && set.has('x86_32') && set.has('x86_64')) return [{ arch: 'x86' }];
  if (set.size === 1) return [{ arch: [...set][0]! }];
  throw unplaced(where, `code for ${[...set].join(' and ') || 'no platform'}`);
}

/** An error that names where the extractor stopped and what to teach it. */
function unplaced(where: string, what: string): Error {
  return new Error(
    `${where}: cannot tell when ${what} is built. Teach src/lib/xen-source/build-conditions.ts what it means, ` +
      'so that the listing does not state a build condition wrongly.',
  );
}

/** `name := y` lines of a makefile, for one platform (`ifeq ($(TARGET_SUBARCH),x86_64)` blocks). */
function variablesSetOn(makefile: string, platform: Platform): Set<string> {
  const set = new Set<string>();
  const open: boolean[] = [];
  for (const line of makefile.split('\n')) {
    const condition = /^\s*if(n?)eq\s*\(\s*\$\(TARGET_SUBARCH\)\s*,\s*(\w+)\s*\)/.exec(line);
    if (condition) open.push((condition[2] === platform) !== (condition[1] === 'n'));
    else if (/^\s*if/.test(line)) open.push(true);
    else if (/^\s*else\b/.test(line)) open[open.length - 1] = !open.at(-1);
    else if (/^\s*endif\b/.test(line)) open.pop();
    else if (open.every(Boolean)) {
      const assignment = /^\s*([A-Za-z_]\w*)\s*:?=\s*y\s*$/.exec(line);
      if (assignment) set.add(assignment[1]!);
    }
  }
  return set;
}

/**
 * The lines of a makefile, each with the variables of the `ifeq ($(name),y)` blocks around it
 * (other `if` blocks are read as always true).
 */
function* makefileLines(makefile: string): Generator<{ line: string; number: number; enclosing: string[] }> {
  const enclosing: string[] = [];
  for (const [index, line] of makefile.split('\n').entries()) {
    const block = /^\s*ifeq\s*\(\s*\$\((\w+)\)\s*,\s*y\s*\)/.exec(line);
    if (block) enclosing.push(block[1]!);
    else if (/^\s*if/.test(line)) enclosing.push('y');
    else if (/^\s*endif\b/.test(line)) enclosing.pop();
    yield { line, number: index + 1, enclosing: enclosing.filter((name) => name !== 'y') };
  }
}

/** Reads the tree's build configuration once, and answers what a condition needs. */
export function buildConditions(tree: SourceTree) {
  const read = (file: string) => (tree.has(file) ? tree.read(file) : '');
  const setOn = new Map<string, Set<Platform>>();
  for (const platform of PLATFORMS) {
    const arch = FOLDERS[platform];
    for (const name of [
      ...variablesSetOn(read(`config/${platform}.mk`), platform),
      ...variablesSetOn(read(`xen/arch/${arch}/Rules.mk`), platform),
    ]) {
      setOn.set(name, (setOn.get(name) ?? new Set()).add(platform));
    }
  }
  // Build options: `crash_debug ?= n` in xen/Rules.mk, `FLASK_ENABLE ?= n` in Config.mk.
  const defaults = new Map<string, string>();
  for (const file of ['Config.mk', 'xen/Rules.mk', ...ARCH_FOLDERS.map((arch) => `xen/arch/${arch}/Rules.mk`)]) {
    for (const match of read(file).matchAll(/^\s*([A-Za-z_]\w*)\s*\?=\s*([yn])\s*$/gm)) defaults.set(match[1]!, match[2]!);
  }

  /** What `$(name) = y` needs, as a makefile condition. */
  const variable = (name: string, where: string): BuildNeed[] => {
    if (name === 'y') return [];
    const platforms = setOn.get(name);
    if (platforms) return archNeed(platforms, where);
    const fallback = defaults.get(name);
    if (fallback === 'y') return [];
    if (fallback === 'n') return [{ option: name }];
    throw unplaced(where, `$(${name})`);
  };

  // Symbols the compiler is given (`CFLAGS-$(FLASK_ENABLE) += -DFLASK_ENABLE`) and the makefile
  // condition each needs; `CFLAGS += -DX` inside `ifeq ($(x),y)` needs $(x).
  const compilerSymbols = new Map<string, { variable: string; where: string }>();
  for (const file of ['xen/Rules.mk', ...ARCH_FOLDERS.map((arch) => `xen/arch/${arch}/Rules.mk`)]) {
    for (const { line, number, enclosing } of makefileLines(read(file))) {
      const flags = /^\s*CFLAGS(?:-\$\((\w+)\))?\s*\+=(.*)$/.exec(line);
      if (!flags) continue;
      for (const symbol of flags[2]!.matchAll(/-D([A-Za-z_]\w*)/g)) {
        compilerSymbols.set(symbol[1]!, { variable: flags[1] ?? enclosing.at(-1) ?? 'y', where: `${file}:${number}` });
      }
    }
  }
  // `#define X` in the headers, and `/*#define X*/` left for a developer to switch on.
  const defined = new Map<string, { file: string; line: number; commented: boolean }[]>();
  for (const file of tree.list('xen/include')) {
    if (!file.endsWith('.h')) continue;
    read(file)
      .split('\n')
      .forEach((line, index) => {
        const define = /^\s*(\/\*\s*)?#\s*define\s+([A-Za-z_]\w*)/.exec(line);
        if (define) defined.set(define[2]!, [...(defined.get(define[2]!) ?? []), { file, line: index + 1, commented: Boolean(define[1]) }]);
      });
  }

  /** What `#ifdef symbol` needs. */
  const symbol = (name: string, where: string): BuildNeed[] => {
    // config/x86_64.mk sets CONFIG_X86_64 for make; asm-x86/config.h defines the C symbol of
    // the same name on the same platform, inside its own #if (so its #define alone says too little).
    if (setOn.has(name)) return variable(name, where);
    const flag = compilerSymbols.get(name);
    if (flag) return variable(flag.variable, flag.where);
    const definitions = defined.get(name) ?? [];
    const live = definitions.filter((d) => !d.commented);
    const archs = new Set(live.map((d) => /^xen\/include\/asm-(\w+)\//.exec(d.file)?.[1] ?? 'common'));
    if (archs.has('common')) return [];
    const [arch] = archs;
    if (archs.size === 1 && (arch === 'x86' || arch === 'ia64')) return [{ arch }];
    if (archs.size === 0 && definitions.length > 0) {
      const first = definitions[0]!;
      return [{ define: name, file: first.file, line: first.line }];
    }
    throw unplaced(where, `#ifdef ${name}`);
  };

  /** What `#ifndef symbol` needs: nothing, as long as no build defines it. */
  const notSymbol = (name: string, where: string): BuildNeed[] => {
    if (!compilerSymbols.has(name) && !(defined.get(name) ?? []).some((d) => !d.commented)) return [];
    throw unplaced(where, `#ifndef ${name}`);
  };

  /** The makefile conditions on the way from xen/ down to `file`. */
  const makefiles = (file: string): BuildNeed[] => {
    const needs: BuildNeed[] = [];
    let folder = path.dirname(file);
    let entry = `${path.basename(file, '.c')}.o`;
    while (folder !== 'xen' && folder !== '.') {
      const makefile = `${folder}/Makefile`;
      if (tree.has(makefile)) {
        // Each line that adds the entry is one way to build it (`subdir-$(x86) += vtd` and
        // `subdir-$(ia64) += vtd`): the entry is built when any of them holds.
        const ways: { needs: BuildNeed[]; where: string }[] = [];
        for (const { line, number, enclosing } of makefileLines(read(makefile))) {
          const adds = /^\s*(?:obj|subdir)-(y|\$\((\w+)\))\s*[:+]?=\s*(.*)$/.exec(line);
          if (!adds || !adds[3]!.split(/\s+/).includes(entry)) continue;
          const where = `${makefile}:${number}`;
          ways.push({ needs: [adds[2] ?? 'y', ...enclosing].flatMap((name) => variable(name, where)), where });
        }
        if (ways.length === 1) needs.push(...ways[0]!.needs);
        else if (ways.length > 1 && ways.every((way) => way.needs.length > 0)) {
          if (!ways.every((way) => way.needs.length === 1 && 'arch' in way.needs[0]!)) throw unplaced(ways[0]!.where, entry);
          needs.push(...archNeed(ways.flatMap((way) => platformsOf((way.needs[0] as { arch: Platform | 'x86' }).arch)), ways[0]!.where));
        }
      }
      entry = path.basename(folder);
      folder = path.dirname(folder);
    }
    // xen/Rules.mk links the top folders: `ALL_OBJS-$(x86) += $(BASEDIR)/crypto/built_in.o`.
    const top = /^\s*ALL_OBJS-(y|\$\((\w+)\))\s*\+=\s*\$\(BASEDIR\)\/([\w/]+)\/built_in\.o/gm;
    for (const match of read('xen/Rules.mk').matchAll(top)) {
      if (file.startsWith(`xen/${match[3]}/`)) needs.push(...variable(match[2] ?? 'y', 'xen/Rules.mk'));
    }
    return needs;
  };

  /** The open `#if` blocks around a line of a C file (comments already stripped). */
  const preprocessor = (file: string, text: string, line: number): BuildNeed[] => {
    const lines = text.split('\n');
    const open: { directive: string; line: number }[] = [];
    for (let index = 0; index < line - 1; index++) {
      const directive = /^\s*#\s*(if|ifdef|ifndef|elif|else|endif)\b(.*)$/.exec(lines[index]!);
      if (!directive) continue;
      const [, word, rest] = directive;
      if (word === 'endif') open.pop();
      else if (word === 'if' || word === 'ifdef' || word === 'ifndef') open.push({ directive: `${word} ${rest!.trim()}`, line: index + 1 });
      else open[open.length - 1] = { directive: `${word} after ${open.at(-1)?.directive}`, line: index + 1 };
    }
    return open.flatMap(({ directive, line: at }) => {
      const where = `${file}:${at}`;
      const ifdef = /^(?:ifdef\s+(\w+)|if\s+defined\s*\(?\s*(\w+)\s*\)?)$/.exec(directive);
      if (ifdef) return symbol(ifdef[1] ?? ifdef[2]!, where);
      const ifndef = /^ifndef\s+(\w+)$/.exec(directive);
      if (ifndef) {
        // An include guard: `#ifndef X` followed by `#define X`.
        if (new RegExp(`^\\s*#\\s*define\\s+${ifndef[1]}\\b`).test(lines[at] ?? '')) return [];
        return notSymbol(ifndef[1]!, where);
      }
      throw unplaced(where, `the code under #${directive}`);
    });
  };

  /**
   * Everything a registration at `file`:`line` needs, without repeats: the platforms every
   * condition allows (vesa-mtrr's x86_64 makefile line and `#if defined(CONFIG_X86)` give
   * x86_64), then the options and symbols.
   */
  return (file: string, text: string, line: number): BuildNeed[] => {
    const needs = [...makefiles(file), ...preprocessor(file, text, line)];
    const where = `${file}:${line}`;
    // The architecture folder already says x86 or IA-64; a need says only what narrows it.
    const folder = PLATFORMS.filter((platform) => !file.startsWith('xen/arch/') || file.startsWith(`xen/arch/${FOLDERS[platform]}/`));
    const platforms = needs.reduce((left, need) => ('arch' in need ? left.filter((p) => platformsOf(need.arch).includes(p)) : left), folder);
    const seen = new Set<string>();
    const rest = needs.filter((need) => {
      const key = JSON.stringify(need);
      return !('arch' in need) && !seen.has(key) && Boolean(seen.add(key));
    });
    return [...(platforms.length < folder.length ? archNeed(platforms, where) : []), ...rest];
  };
}
