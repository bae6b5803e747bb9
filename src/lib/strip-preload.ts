/**
 * Vite wraps every dynamic import() in `__vitePreload(() => import('./x.js'), __VITE_PRELOAD__)`
 * and imports the ~1 KB (gzip) helper on every page that has a lazy import, even with
 * `build.modulePreload: false` (vitejs/vite#13952, #18551). This site's lazy modules (search,
 * offline support) have no CSS of their own, so the wrapper only preloads a chunk's own imports
 * on the reader's first search: not worth a kilobyte on every first visit.
 */

const CALL = '__vitePreload(';
const MARKER = '__VITE_PRELOAD__';

/** Index just past the bracket that closes the one opened before `from`, skipping strings. */
function closingBracket(code: string, from: number): number {
  let depth = 1;
  for (let i = from; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * Unwraps `__vitePreload(() => EXPR, __VITE_PRELOAD__)` to `(EXPR)` in a chunk as Vite renders it
 * (before minifying) and drops the helper's import once nothing uses it. Returns null when the
 * chunk has no wrapper, or when one is not in the expected shape (then the chunk is left as is).
 */
export function stripPreloadWrappers(code: string): string | null {
  if (!code.includes(CALL)) return null;
  let out = '';
  let last = 0;
  for (let start = code.indexOf(CALL); start !== -1; start = code.indexOf(CALL, last)) {
    const end = closingBracket(code, start + CALL.length);
    if (end === -1) return null;
    const args = code.slice(start + CALL.length, end - 1);
    const match = /^\s*\(\)\s*=>\s*([\s\S]*?),\s*__VITE_PRELOAD__\s*$/.exec(args);
    if (!match || match[1]!.includes(MARKER)) return null;
    out += `${code.slice(last, start)}(${match[1]})`;
    last = end;
  }
  out += code.slice(last);
  // The helper's import, e.g. `import { t as __vitePreload } from "./preload-helper.js";`.
  out = out.replace(/import\s*\{\s*\w+\s+as\s+__vitePreload\s*\}\s*from\s*["'][^"']+["'];?\n?/, (line) => (out.split('__vitePreload').length > 2 ? line : ''));
  return out;
}
