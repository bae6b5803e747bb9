import type { ManifestXenpmCommand } from '../../schemas/xen-manifest.ts';
import { lineAt, stripCComments } from './boot-options.ts';
import type { SourceTree } from './tree.ts';

export const XENPM = 'tools/misc/xenpm.c';

/** The text `show_help()` prints: its string literals joined, escapes resolved. */
function helpText(source: string): string {
  const start = source.indexOf('show_help(void)');
  if (start < 0) return '';
  const body = source.slice(start, source.indexOf('\n}', start));
  return [...body.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\n/g, '\n').replace(/\\(.)/g, '$1')).join('');
}

/**
 * Every xenpm subcommand in the command table at the end of xenpm.c, with the arguments and
 * description its help text gives. Help lines look like
 * ` set-scaling-maxfreq   [cpuid] <HZ>  set max cpu frequency …` with continuation lines
 * indented under the description.
 */
export function extractXenpm(tree: SourceTree): ManifestXenpmCommand[] {
  if (!tree.has(XENPM)) return [];
  const source = stripCComments(tree.read(XENPM));
  const table = /main_options\s*\[\s*\]\s*=\s*\{([\s\S]*?)\n\s*\};/.exec(source);
  if (!table) throw new Error(`${XENPM}: no main_options table`);
  const lines = helpText(source).split('\n');
  const commands: ManifestXenpmCommand[] = [];
  for (const row of table[1]!.matchAll(/\{\s*"([^"]+)"\s*,/g)) {
    const name = row[1]!;
    const at = lines.findIndex((line) => new RegExp(`^\\s*${name.replace(/-/g, '\\-')}(\\s|$)`).test(line));
    let args = '';
    let summary = '';
    if (at >= 0) {
      // After the name: arguments, two or more spaces, then the description.
      const rest = lines[at]!.trim().slice(name.length).trim();
      const parts = rest.split(/\s{2,}/);
      if (parts.length > 1) [args, summary] = [parts[0]!, parts.slice(1).join(' ')];
      else if (/^[[<]/.test(rest)) {
        const split = /^((?:[[<][^\]>]*[\]>]\s*)+)(.*)$/.exec(rest);
        [args, summary] = split ? [split[1]!.trim(), split[2]!.trim()] : [rest, ''];
      } else {
        // `enable|disable enable/disable …`: the first word is the argument.
        const space = rest.indexOf(' ');
        [args, summary] = /\|/.test(rest.slice(0, space)) ? [rest.slice(0, space), rest.slice(space + 1)] : ['', rest];
      }
      for (let next = at + 1; next < lines.length && /^\s{20,}\S/.test(lines[next]!); next++) summary += ` ${lines[next]!.trim()}`;
    }
    commands.push({
      name,
      file: XENPM,
      line: lineAt(source, table.index + table[0].indexOf(`"${name}"`)),
      args: args.replace(/\s+/g, ' '),
      summary: summary.replace(/\s+/g, ' ').trim(),
    });
  }
  return commands;
}
