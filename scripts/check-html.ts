/**
 * Validates every built page with the Nu HTML Checker (vnu-jar, needs Java) and prints each
 * error with its file, line and message. Exits 1 on any error; warnings are listed, not fatal.
 *
 * Usage: node scripts/check-html.ts [built site folder]   (default: $KB_OUT_DIR or dist/)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

const site = path.resolve(process.argv[2] ?? process.env.KB_OUT_DIR ?? 'dist');
const jar = fileURLToPath(new URL('../node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url));

if (!existsSync(site)) {
  console.error(`check-html: no built site at ${site} — run \`npm run build\` first.`);
  process.exit(1);
}
if (!existsSync(jar)) {
  console.error('check-html: vnu-jar is missing — run `npm install`.');
  process.exit(1);
}

const started = performance.now();
const run = spawnSync('java', ['-jar', jar, '--format', 'json', '--skip-non-html', site], {
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
if (run.error) {
  console.error(`check-html: could not run Java (${run.error.message}). Install a Java runtime (Debian: apt-get install default-jre-headless).`);
  process.exit(1);
}

// vnu writes its JSON report to stderr.
let messages: VnuMessage[];
try {
  messages = (JSON.parse(run.stderr) as { messages: VnuMessage[] }).messages;
} catch {
  console.error(`check-html: the checker did not return a report (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  process.exit(1);
}

const where = (m: VnuMessage) => {
  const file = m.url ? path.relative(process.cwd(), fileURLToPath(m.url)) : '(no file)';
  return m.lastLine ? `${file}:${m.lastLine}${m.firstColumn ? `:${m.firstColumn}` : ''}` : file;
};
/**
 * The checker's CSS parser does not know custom properties (w3c/css-validator#221, #368), so it
 * calls every `style="--0:#…;--1:#…"` of Expressive Code's highlighted tokens a parse error.
 * Custom properties are valid CSS; only that exact message on a custom property is dropped, and
 * only when the style attribute holds nothing but custom properties.
 */
const isCustomPropertyFalsePositive = (m: VnuMessage) =>
  /^CSS: “--[\w-]*”: Parse Error\.$/.test(m.message) && /style="(?:--[\w-]+:[^;"]*;?)+"/.test(m.extract ?? '');
const errors = messages.filter((m) => m.type !== 'info' && !isCustomPropertyFalsePositive(m));
const warnings = messages.filter((m) => m.type === 'info' && m.subType === 'warning');

// Warnings are not fatal: one line per distinct message, with a count and the first place.
// Expect "Resource violates Content Security Policy (meta tag)": the checker reads files from
// disk, where no file matches 'self' — a false positive of checking files, not served pages.
const byMessage = new Map<string, { count: number; first: VnuMessage }>();
for (const m of warnings) {
  const key = m.message.replace(/“[^”]*”/g, '“…”');
  const seen = byMessage.get(key);
  if (seen) seen.count++;
  else byMessage.set(key, { count: 1, first: m });
}
for (const [message, { count, first }] of byMessage) console.warn(`warning ×${count}  ${message}  (first: ${where(first)})`);
for (const m of errors) {
  console.error(`error   ${where(m)}  ${m.message}`);
  if (m.extract) console.error(`        ${m.extract.replace(/\s+/g, ' ').trim().slice(0, 160)}`);
}

const pages = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`check-html: ${pages} pages, ${errors.length} errors, ${warnings.length} warnings (${seconds} s)`);
process.exit(errors.length ? 1 : 0);
