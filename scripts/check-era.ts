/**
 * Post-build check: no article presents a later Xen's commands (xl, xen-hptool, gfx_passthru,
 * xenpm turbo commands) as if they were part of 3.4. Mentions belong in a
 * <Callout type="later">. Reads the built site (KB_OUT_DIR or dist/) and names the source file.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { findEraProblemsInPage } from '../src/lib/era.ts';
import { SECTIONS } from '../src/schemas/kinds.ts';

const outDir = process.env.KB_OUT_DIR ?? 'dist';
const contentDir = process.env.KB_CONTENT_DIR ?? 'content';
let problems = 0;
let checked = 0;
for (const section of SECTIONS) {
  const dir = path.join(outDir, section);
  if (!existsSync(dir)) continue;
  for (const slug of readdirSync(dir)) {
    const file = path.join(dir, slug, 'index.html');
    if (!existsSync(file)) continue;
    const found = findEraProblemsInPage(readFileSync(file, 'utf8'));
    if (!found) continue;
    checked++;
    for (const problem of found) {
      problems++;
      console.error(
        `${path.join(contentDir, 'articles', section, `${slug}.mdx`)}: "${problem.term}" is not in Xen 3.4 — "…${problem.context}…". ` +
          'Fix: move the sentence into a <Callout type="later"> block, or use the 3.4 equivalent (xm, xend).',
      );
    }
  }
}
if (problems) {
  console.error(`\n${problems} later-version mention(s) outside "Later versions" callouts.`);
  process.exit(1);
}
console.log(`Era check: ${checked} articles mention later Xen versions only in "Later versions" callouts.`);
