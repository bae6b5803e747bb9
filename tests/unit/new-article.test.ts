import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { checkContent } from '../../src/lib/content-check/index.ts';
import { readContent } from '../../src/lib/content-check/read.ts';
import {
  articlePaths,
  articleTemplate,
  parseTopics,
  slugFromTitle,
  validateNewArticle,
  type Existing,
} from '../../src/lib/new-article.ts';
import { KIND_IDS } from '../../src/schemas/kinds.ts';
import { copyProject } from '../project-copy.ts';

const VALID = 'tests/fixtures/content-check/valid';
const SPAWN_TIMEOUT = 60_000;
const temporary: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `kb-${name}-`));
  temporary.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

const existing: Existing = {
  ids: ['features/fixture-feature', 'guides/fixture-guide'],
  titles: ['Fixture feature about Xen', 'Fixture guide for Xen'],
  maxOrder: { guides: 4 },
  glossaryIds: ['hvm', 'dom0'],
};

describe('the article template', () => {
  it('makes a short kebab-case file name from the title', () => {
    expect(slugFromTitle('Suspend to RAM on Xen 3.4 laptops')).toBe('suspend-to-ram-on-xen-3-4-laptops');
    expect(slugFromTitle('Xen’s “virtual battery”: how it works')).toBe('xens-virtual-battery-how-it-works');
    const long = slugFromTitle('A very long title that keeps going well past the sixty characters a URL should have');
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith('-')).toBe(false);
  });

  it('reads topics separated by commas or spaces', () => {
    expect(parseTopics('power, setup')).toEqual(['power', 'setup']);
    expect(parseTopics('Power setup')).toEqual(['power', 'setup']);
  });

  it('refuses a wrong kind, an unknown topic, a title or file name already taken', () => {
    const problems = validateNewArticle(
      { kind: 'tutorial' as never, title: 'fixture feature about xen', topics: ['gaming'], slug: 'fixture-guide' },
      existing,
    );
    expect(problems).toEqual([
      'kind must be one of: feature, guide, comparison, reference',
      'an article is already called "Fixture feature about Xen"; choose a title of its own',
      expect.stringMatching(/^unknown topic "gaming"; use: release, xci/),
      'the article guides/fixture-guide already has the file name "fixture-guide"; choose another (--slug)',
    ]);
  });

  for (const kind of KIND_IDS) {
    it(`gives a ${kind} that passes every content check as generated`, () => {
      const article = { kind, title: `Trying out a new ${kind}`, topics: ['power'], slug: `trying-out-a-new-${kind}` };
      const text = articleTemplate(article, existing);
      const input = readContent(VALID, { root: process.cwd() });
      const { file, id } = articlePaths(article);
      input.articles.push({ file: `new/${file}`, id, source: text });
      const problems = checkContent(input).problems;
      expect(problems, problems.map((p) => `${p.line}:${p.column} ${p.rule} ${p.message}`).join('\n')).toEqual([]);
      expect(text).toMatch(/^---\ntitle: "Trying out a new/);
      expect(text).toContain('<Term id="dom0">Dom0</Term>');
      expect(text).not.toMatch(/lorem ipsum|TODO|coming soon|placeholder text/i);
      if (kind === 'guide') expect(text).toMatch(/order: 5 +#/);
    });
  }
});

/** Runs `node scripts/new-article.ts` with a content folder of its own, without a terminal. */
function runNew(contentDir: string, args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/new-article.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, KB_CONTENT_DIR: contentDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run new', () => {
  it(
    'writes the article from flags, prints where it is and how to preview it, and never overwrites',
    () => {
      const content = tempDir('new');
      cpSync(VALID, content, { recursive: true });
      const args = ['--kind', 'guide', '--title', 'Suspend a laptop running Xen 3.4', '--topics', 'power,setup'];
      const first = runNew(content, args);
      expect(first.err).toBe('');
      expect(first.code).toBe(0);
      const file = path.join(content, 'articles/guides/suspend-a-laptop-running-xen-3-4.mdx');
      expect(first.out).toContain(`✓ Created ${file}`);
      expect(first.out).toContain('http://localhost:4321/guides/suspend-a-laptop-running-xen-3-4/');
      const written = readFileSync(file, 'utf8');
      expect(written).toMatch(/kind: guide\ntopics: \[power, setup\]/);

      const again = runNew(content, [
        '--kind',
        'guide',
        '--title',
        'Another title',
        '--topics',
        'power',
        '--slug',
        'suspend-a-laptop-running-xen-3-4',
      ]);
      expect(again.code).toBe(1);
      expect(again.err).toContain('already has the file name "suspend-a-laptop-running-xen-3-4"');
      expect(readFileSync(file, 'utf8')).toBe(written);

      const check = spawnSync(process.execPath, ['scripts/check-content.ts', content], { encoding: 'utf8' });
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'says which flags are missing when there is no terminal to ask in',
    () => {
      const content = tempDir('new-missing');
      const result = runNew(content, ['--kind', 'feature']);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/^Missing --title, --topics \(no terminal to ask in\)/);
      expect(result.err).toContain('Usage: npm run new -- --kind <feature|guide|comparison|reference>');
    },
    SPAWN_TIMEOUT,
  );

  it(
    'explains a bad answer instead of writing a file',
    () => {
      const content = tempDir('new-bad');
      const result = runNew(content, ['--kind', 'feature', '--title', 'Xen and games', '--topics', 'gaming']);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/Cannot create the article:\n {2}- unknown topic "gaming"/);
      expect(existsSync(path.join(content, 'articles'))).toBe(false);
    },
    SPAWN_TIMEOUT,
  );
});

describe('an article made by npm run new, in the real site (slow: one full build)', () => {
  it('passes the content check, builds into a page and has no broken links', () => {
    // A copy of the project, built as a contributor would build theirs (see project-copy.ts
    // for why the build must not write outside its own folder).
    const site = copyProject('new-build');
    onTestFinished(() => site.remove());
    const env = { ...site.env, GITHUB_ACTIONS: '' };
    const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: site.dir, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });

    const created = run('npm', [
      'run',
      'new',
      '--',
      '--kind',
      'feature',
      '--title',
      'A newcomer tries the article template',
      '--topics',
      'release',
    ]);
    expect(created.status, created.stderr).toBe(0);
    const source = path.join(site.dir, 'content/articles/features/a-newcomer-tries-the-article-template.mdx');
    expect(existsSync(source)).toBe(true);
    // The audit ledger gets the new article's row, honestly not yet audited.
    expect(readFileSync(path.join(site.dir, 'content/source/audit-ledger.yaml'), 'utf8')).toMatch(
      /\n- file: articles\/features\/a-newcomer-tries-the-article-template\.mdx\n {2}checked: 0\n {2}corrected: 0\n {2}note: "New article, not yet audited/,
    );

    // `npm run build` runs the content check first, then Astro.
    const build = run('npm', ['run', 'build']);
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    expect(build.stdout).toMatch(/✓ Content check passed: \d+ articles/);
    const page = readFileSync(path.join(site.dir, 'dist/features/a-newcomer-tries-the-article-template/index.html'), 'utf8');
    expect(page).toMatch(/<h1[^>]*>A newcomer tries the article template<\/h1>/);

    const links = run(process.execPath, ['scripts/check-links.ts']);
    const about = `${links.stdout}${links.stderr}`
      .split('\n')
      .filter((line) => line.includes('a-newcomer-tries-the-article-template'));
    expect(links.stdout + links.stderr).toMatch(/internal links on \d+ pages/);
    expect(about).toEqual([]);
  }, 600_000);
});
