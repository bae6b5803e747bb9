import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { reportUrl, SITE } from '../../src/site.config.ts';
import { COMPONENT_NAMES } from '../../src/lib/content-check/components.ts';
import { checkBody } from '../../src/lib/content-check/body.ts';
import { readFrontmatter, splitFrontmatter } from '../../src/lib/content-check/frontmatter.ts';
import { findLinkInSource, readPage, resolveLink, scanTags, sourceOfPage } from '../../src/lib/link-check.ts';
import { isCommentOnly, parseLiteral } from '../../src/lib/content-check/literal.ts';
import { closest, formatProblem, githubAnnotation } from '../../src/lib/content-check/problem.ts';
import { staticPages } from '../../src/lib/content-check/read.ts';
import { classifyUrl } from '../../src/lib/content-check/urls.ts';
import { parseYamlSource } from '../../src/lib/content-check/yaml-source.ts';

const FIXTURES = 'tests/fixtures/content-check';
/** Tests that start the real scripts get time for Node to start on a busy machine. */
const SPAWN_TIMEOUT = 60_000;

/**
 * One fixture per mistake: a content folder that is valid except for that mistake. Each must
 * produce exactly one problem, on this file and line, for this field or rule, saying this.
 */
const MISTAKES: Record<string, { file: string; at: string; rule: string; says: RegExp; total?: number }> = {
  'unknown-kind': {
    file: 'articles/features/fixture-feature.mdx',
    at: '4:7',
    rule: 'kind',
    says: /`kind` is "tutorial".*Fix: `kind` must be one of: feature, guide, comparison, reference/,
  },
  'unknown-topic': {
    file: 'articles/features/fixture-feature.mdx',
    at: '5:19',
    rule: 'topics[1]',
    says: /"gaming", which is not allowed.*use one of: release, xci/,
  },
  'missing-sources': {
    file: 'articles/features/fixture-feature.mdx',
    at: '1:1',
    rule: 'sources',
    says: /`sources` is missing.*Fix: add `sources`/,
  },
  'http-source': {
    file: 'articles/features/fixture-feature.mdx',
    at: '8:10',
    rule: 'sources[0].url',
    says: /"http:\/\/xenbits.xen.org\/".*must use https:\/\//,
  },
  'description-too-long': {
    file: 'articles/features/fixture-feature.mdx',
    at: '3:14',
    rule: 'description',
    says: /is 161 characters long; it must be at most 160.*Fix: shorten/,
  },
  'unknown-field': {
    file: 'articles/features/fixture-feature.mdx',
    at: '9:1',
    rule: 'author',
    says: /`author` is not a field here.*the fields are: title, description/,
  },
  'guide-without-prerequisites': {
    file: 'articles/guides/fixture-guide.mdx',
    at: '1:1',
    rule: 'prerequisites',
    says: /`prerequisites` is missing.*guides need `prerequisites`/,
  },
  'frontmatter-yaml-error': {
    file: 'articles/features/fixture-feature.mdx',
    at: '2:8',
    rule: 'frontmatter',
    says: /YAML does not parse.*double quotes/,
  },
  'related-missing': {
    file: 'articles/features/fixture-feature.mdx',
    at: '9:11',
    rule: 'related[0]',
    says: /"guides\/boot-xn" is not an article.*did you mean guides\/boot-xen\?/,
  },
  'related-itself': {
    file: 'articles/features/fixture-feature.mdx',
    at: '9:11',
    rule: 'related[0]',
    says: /the article lists itself as related.*Fix: remove features\/fixture-feature/,
  },
  'related-draft': {
    file: 'articles/features/fixture-feature.mdx',
    at: '9:11',
    rule: 'related[0]',
    says: /guides\/boot-xen is a draft, so it is not published.*Fix: remove guides\/boot-xen until it is published/,
  },
  // Facts against the source manifest in <folder>/source/ (npm run extract:xen).
  'source-removed-option': {
    file: 'boot-options.yaml',
    at: '2:9',
    rule: 'source/unknown-option',
    says: /`msi` is not a boot option in Xen 3\.4 \(it was removed between 3\.3\.0-branched and 3\.4 branch point, commit ddf4a60539 "x86: Remove MSI boot parameter -- now always on"\).*Fix: remove the row, or mark it `removed: true`/,
  },
  'source-boot-default': {
    file: 'boot-options.yaml',
    at: '5:12',
    rule: 'source/default',
    says: /`timer_slop` defaults to 50000 in Xen 3\.4 \(initialised to 50000 at xen\/common\/timer\.c:29\).*Fix: start `default` with 50000/,
  },
  'source-boot-values': {
    file: 'boot-options.yaml',
    at: '4:11',
    rule: 'source/values',
    says: /`sync_console` is a boolean option in Xen 3\.4 \(boolean_param at xen\/drivers\/char\/console\.c:51\).*Fix: start `values` with "flag: sync_console"/,
  },
  'source-xenpm-usage': {
    file: 'xenpm.yaml',
    at: '2:14',
    rule: 'source/usage',
    says: /xenpm's help gives the arguments of get-cpuidle-states as "\[cpuid\]" \(tools\/misc\/xenpm\.c:959\), not "<cpuid>"/,
  },
  'source-xm-usage': {
    file: 'xm-commands.yaml',
    at: '2:13',
    rule: 'source/usage',
    says: /xm help prints the usage of info as "xm info \[-c\|--config\]".*Fix: start `synopsis` with "xm info \[-c\|--config\]"/,
  },
  'source-config-default': {
    file: 'domain-config.yaml',
    at: '4:12',
    rule: 'source/default',
    says: /when `vnc` is left out, Xen 3\.4 uses 0 \(xend's fallback at tools\/python\/xen\/xend\/image\.py:280.*Fix: start `default` with 0; an example file's value is not the default/,
  },
  'source-xend-default': {
    file: 'xend-config.yaml',
    at: '4:12',
    rule: 'source/default',
    says: /when xend-config\.sxp leaves `xend-relocation-server` out, xend uses "no" \(tools\/python\/xen\/xend\/XendOptions\.py:207\).*Fix: start `default` with no; the example file's commented value is not the default/,
  },
  'source-xend-missing': {
    file: 'xend-config.yaml',
    at: '1:1',
    rule: 'source/missing-key',
    says: /xend reads `xend-relocation-server` \(tools\/python\/xen\/xend\/XendOptions\.py:207\), but xend-config\.yaml has no row for it.*Fix: add a row for `xend-relocation-server`/,
  },
  'source-xend-setting': {
    file: 'articles/features/fixture-feature.mdx',
    at: '16:2',
    rule: 'source/xend-setting',
    says: /`xend-relocation-hosts-alow` is not a setting xend reads in Xen 3\.4; xend ignores it.*Fix: use a setting of xend-config\.sxp \(did you mean `xend-relocation-hosts-allow`\?\)/,
  },
  'source-menu-lst': {
    file: 'articles/features/fixture-feature.mdx',
    at: '16:60',
    rule: 'source/menu-lst',
    says: /the Xen line passes `msi=1`, but `msi` is not a boot option in Xen 3\.4 \(it was removed .*commit ddf4a60539.*Fix: remove `msi=1`/,
  },
  'source-xm-command': {
    file: 'articles/features/fixture-feature.mdx',
    at: '15:4',
    rule: 'source/xm-command',
    says: /`xm infos` is not a subcommand of xm in Xen 3\.4; xm answers `Error: Subcommand infos not found!`.*Fix: use a subcommand of xm 3\.4 \(did you mean `xm info`\?\)/,
  },
  'source-xenpm-command': {
    file: 'articles/features/fixture-feature.mdx',
    at: '15:7',
    rule: 'source/xenpm-command',
    says: /`xenpm get-cpuidle-stats` is not a subcommand of xenpm in Xen 3\.4; xenpm prints its help.*Fix: use a subcommand of xenpm 3\.4 \(did you mean `xenpm get-cpuidle-states`\?\)/,
  },
  'source-config-key': {
    file: 'articles/features/fixture-feature.mdx',
    at: '17:1',
    rule: 'source/config-key',
    says: /`vnc_listen` is not a key xm create reads in Xen 3\.4; a configuration file may set it, but nothing reads it.*Fix: use a key of xm create/,
  },
  'source-citation-line': {
    file: 'articles/features/fixture-feature.mdx',
    at: '8:11',
    rule: 'source/citation',
    says: /the citation of README does not say which line proves the claim.*Fix: add the line: https:\/\/github\.com\/xen-project\/xen\/blob\/20a0b3ef15\w+\/README#L<line>/,
  },
  'source-citation-path': {
    file: 'articles/features/fixture-feature.mdx',
    at: '11:43',
    rule: 'source/citation',
    says: /xen\/common\/timers\.c is not a file of the 3\.4 branch point tree.*Fix: did you mean xen\/common\/timer\.c\?/,
  },
  'source-citation-commit': {
    file: 'articles/features/fixture-feature.mdx',
    at: '11:74',
    rule: 'source/citation',
    says: /commit\/3ac61e9 does not name a commit by 10 or more hexadecimal digits.*Fix: link the commit by the first 10 or more digits/,
  },
  'source-ledger': {
    file: 'articles/features/fixture-feature.mdx',
    at: '1:1',
    rule: 'source/ledger',
    says: /articles\/features\/fixture-feature\.mdx has no row in the source audit ledger.*Fix: add a row with file: articles\/features\/fixture-feature\.mdx/,
    total: 2,
  },
  // Duplicates are reported on both files, so checking either alone shows them.
  'duplicate-title': {
    file: 'articles/features/power-overview.mdx',
    at: '2:8',
    rule: 'title/duplicate',
    says: /"Power Management in Xen 3.4" duplicates the title of .*fixture-feature\.mdx/,
    total: 2,
  },
  'duplicate-slug': {
    file: 'articles/guides/boot-xen.mdx',
    at: '1:1',
    rule: 'slug/duplicate',
    says: /"boot-xen" is also used by .*features\/boot-xen\.mdx/,
    total: 2,
  },
  'folder-kind-mismatch': {
    file: 'articles/guides/fixture-feature.mdx',
    at: '4:7',
    rule: 'kind',
    says: /in guides\/ but says kind: feature.*set kind: guide, or move the file to content\/articles\/features\//,
  },
  'http-link': {
    file: 'articles/features/fixture-feature.mdx',
    at: '11:26',
    rule: 'link/http',
    says: /http:\/\/www.xen.org\/ uses http:\/\/.*use https:\/\//,
  },
  'image-without-alt': {
    file: 'articles/features/fixture-feature.mdx',
    at: '13:1',
    rule: 'image/alt',
    says: /the image \/favicon.svg has no alt text.*describe what the image shows/,
  },
  'image-from-other-site': {
    file: 'articles/features/fixture-feature.mdx',
    at: '13:1',
    rule: 'image/src',
    says: /is on another site.*public\/images\//,
  },
  'script-element': {
    file: 'articles/features/fixture-feature.mdx',
    at: '13:1',
    rule: 'mdx/element',
    says: /<script> is not allowed: a <script> runs code/,
  },
  'iframe-element': {
    file: 'articles/features/fixture-feature.mdx',
    at: '13:1',
    rule: 'mdx/element',
    says: /<iframe> is not allowed/,
  },
  'style-element': {
    file: 'articles/features/fixture-feature.mdx',
    at: '13:1',
    rule: 'mdx/element',
    says: /<style> is not allowed/,
  },
  'raw-html': {
    file: 'articles/features/fixture-feature.mdx',
    at: '13:1',
    rule: 'mdx/element',
    says: /<div> is raw HTML.*the only HTML allowed is <abbr>/,
  },
  'event-handler': {
    file: 'articles/features/fixture-feature.mdx',
    at: '11:1',
    rule: 'mdx/event-handler',
    says: /<Callout> has an event handler onClick=.*Fix: remove onClick/,
  },
  'javascript-url': {
    file: 'articles/features/fixture-feature.mdx',
    at: '11:6',
    rule: 'link/unsafe-url',
    says: /a javascript: URL/,
  },
  'data-url-attribute': {
    file: 'articles/features/fixture-feature.mdx',
    at: '11:12',
    rule: 'link/unsafe-url',
    says: /<abbr title> holds a data: URL/,
  },
  import: {
    file: 'articles/features/fixture-feature.mdx',
    at: '11:1',
    rule: 'mdx/import',
    says: /imports "..\/..\/..\/node_modules\/some-package\/widget.js".*available in every article without an import/,
  },
  export: {
    file: 'articles/features/fixture-feature.mdx',
    at: '11:1',
    rule: 'mdx/export',
    says: /exports code.*delete the export/,
  },
  'js-expression': {
    file: 'articles/features/fixture-feature.mdx',
    at: '11:12',
    rule: 'mdx/expression',
    says: /\{new Date\(\)\.getFullYear\(\) - 2009\} is a JavaScript expression.*write \\\{ and \\\}/,
  },
  'expression-attribute': {
    file: 'articles/features/fixture-feature.mdx',
    at: '11:1',
    rule: 'mdx/expression',
    says: /<Callout title=\{window.location.href\}> passes JavaScript/,
  },
  'spread-attribute': {
    file: 'articles/features/fixture-feature.mdx',
    at: '11:1',
    rule: 'mdx/expression',
    says: /spread attribute \{\.\.\.props\}/,
  },
  'broken-internal-link': {
    file: 'articles/features/fixture-feature.mdx',
    at: '13:5',
    rule: 'link/internal',
    says: /\/guides\/boot-xn\/ is not a page of this site.*did you mean \/guides\/boot-xen\/\?/,
  },
  'relative-link': {
    file: 'articles/features/fixture-feature.mdx',
    at: '13:5',
    rule: 'link/relative',
    says: /"..\/guides\/boot-xen\/" is a relative link.*absolute path/,
  },
  'unread-link': {
    file: 'articles/features/fixture-feature.mdx',
    at: '15:2',
    rule: 'link/syntax',
    says: /"\[install\]\(https:\/\/github\.com\/xen-project\/xen\/blob\/ 20a0b3ef15\/stubd\.\.\." is shown as text, not as a link: its address contains a space.*%20/,
  },
  'unknown-term': {
    file: 'articles/features/fixture-feature.mdx',
    at: '11:10',
    rule: 'term',
    says: /<Term id="hvn"> is not in the glossary.*did you mean id="hvm"\?/,
  },
  'unknown-component': {
    file: 'articles/features/fixture-feature.mdx',
    at: '13:1',
    rule: 'component',
    says: /<Warning> is not one of the site's components.*<Callout type="warning">/,
  },
  'unknown-diagram': {
    file: 'articles/features/fixture-feature.mdx',
    at: '13:1',
    rule: 'diagram',
    says: /name="xen-architecure"> names no diagram.*did you mean name="xen-architecture"\?/,
  },
  'bad-prop-value': {
    file: 'articles/features/fixture-feature.mdx',
    at: '11:1',
    rule: 'component',
    says: /<Callout type="danger"> is not a type the component knows.*note, tip, warning, caution, later/,
  },
  'mdx-syntax': {
    file: 'articles/features/fixture-feature.mdx',
    at: '11:30',
    rule: 'mdx/syntax',
    says: /closing tag for `<root-dev>`.*write &lt;root-dev&gt;/,
  },
  'later-tool-outside-callout': {
    file: 'articles/features/fixture-feature.mdx',
    at: '11:22',
    rule: 'era/later',
    says: /`xl` is not part of Xen 3.4.*<Callout type="later">/,
  },
  'placeholder-text': {
    file: 'articles/features/fixture-feature.mdx',
    at: '11:1',
    rule: 'text/placeholder',
    says: /"TODO" marks unfinished text/,
  },
  'empty-table-header': {
    file: 'articles/features/fixture-feature.mdx',
    at: '11:10',
    rule: 'table/empty-header',
    says: /column 2 of the table has an empty header cell.*write a short header/,
  },
  'heading-takes-layout-id': {
    file: 'articles/features/fixture-feature.mdx',
    at: '15:1',
    rule: 'heading/layout-id',
    says: /the heading "Sources" gets the id #sources, which the layout keeps for the "Sources" list.*in words other than "Sources"/,
  },
  'glossary-entry-error': { file: 'glossary.yaml', at: '8:3', rule: 'definition', says: /`definition` is missing/ },
};

/** Runs the real command, as `npm run check:content -- <folders>` would. */
function runCheck(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['scripts/check-content.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env, GITHUB_ACTIONS: '' },
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('check-content on the broken-article fixtures', () => {
  let run: { code: number | null; out: string };
  const lines = () => run.out.split('\n');

  beforeAll(() => {
    // One run over every fixture keeps the suite fast; each test reads its own lines.
    run = runCheck(Object.keys(MISTAKES).map((name) => `${FIXTURES}/${name}`));
  }, SPAWN_TIMEOUT);

  it('has a fixture for every listed mistake and a test for every fixture', () => {
    const folders = readdirSync(FIXTURES).filter((name) => name !== 'valid');
    expect(folders.sort()).toEqual(Object.keys(MISTAKES).sort());
    expect(folders.length).toBeGreaterThanOrEqual(12);
  });

  it('fails', () => {
    expect(run.code).toBe(1);
    expect(run.out).toContain('Each problem line says where it is (file:line:column), what is wrong and how to fix it.');
  });

  for (const [name, expected] of Object.entries(MISTAKES)) {
    it(`reports ${name} with the file, line, rule and a fix`, () => {
      const prefix = `${FIXTURES}/${name}/`;
      expect(
        lines().filter((line) => line.startsWith(prefix)),
        run.out,
      ).toHaveLength(expected.total ?? 1);
      const found = lines().filter((line) => line.startsWith(`${prefix}${expected.file}:`));
      expect(found, run.out).toHaveLength(1);
      expect(found[0].startsWith(`${prefix}${expected.file}:${expected.at}  ${expected.rule} — `), found[0]).toBe(true);
      expect(found[0]).toMatch(expected.says);
      expect(found[0]).toMatch(/\. Fix: .+[.?]$/);
    });
  }
});

describe('check-content on valid content', () => {
  it(
    'passes a folder that uses every component, link and element it allows',
    () => {
      const run = runCheck([`${FIXTURES}/valid`]);
      expect(run.out).toMatch(/✓ Content check passed: 2 articles and 1 data file in tests\/fixtures\/content-check\/valid/);
      expect(run.code).toBe(0);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'checks a single article against its folder and reports only that file',
    () => {
      const run = runCheck([`${FIXTURES}/broken-internal-link/articles/guides/boot-xen.mdx`]);
      expect(run.out).toContain(
        '✓ Content check passed: tests/fixtures/content-check/broken-internal-link/articles/guides/boot-xen.mdx',
      );
      expect(run.code).toBe(0);
      const other = runCheck([`${FIXTURES}/duplicate-title/articles/features/fixture-feature.mdx`]);
      expect(other.code).toBe(1);
      expect(other.out).toContain('fixture-feature.mdx:2:8  title/duplicate');
      expect(other.out).not.toContain('power-overview.mdx:');
    },
    SPAWN_TIMEOUT,
  );

  it(
    'annotates the pull request on GitHub Actions',
    () => {
      const result = spawnSync(process.execPath, ['scripts/check-content.ts', `${FIXTURES}/http-link`], {
        encoding: 'utf8',
        env: { ...process.env, GITHUB_ACTIONS: 'true' },
      });
      expect(result.stdout).toMatch(
        /^::error file=tests\/fixtures\/content-check\/http-link\/articles\/features\/fixture-feature\.mdx,line=11,col=26,title=link\/http::/m,
      );
    },
    SPAWN_TIMEOUT,
  );
});

describe('content-check building blocks', () => {
  it('formats a problem as file:line:column, rule, what is wrong and the fix', () => {
    const problem = {
      file: 'content/articles/guides/a.mdx',
      line: 3,
      column: 14,
      rule: 'description',
      message: 'it is too long',
      fix: 'shorten it',
    };
    expect(formatProblem(problem)).toBe('content/articles/guides/a.mdx:3:14  description — it is too long. Fix: shorten it.');
    expect(formatProblem({ ...problem, fix: 'did you mean x?' })).toMatch(/Fix: did you mean x\?$/);
    expect(githubAnnotation(problem)).toBe(
      '::error file=content/articles/guides/a.mdx,line=3,col=14,title=description::It is too long. Fix: shorten it.',
    );
  });

  it('suggests the closest name only when it is a likely typo', () => {
    expect(closest('boot-xn', ['boot-xen', 'first-pv-guest'])).toBe('boot-xen');
    expect(closest('pv', ['hvm'])).toBeUndefined();
  });

  it('places YAML values, missing fields and unknown keys on their lines', () => {
    const yaml = parseYamlSource('title: "A"\ntopics: [power, gaming]\nsources:\n  - title: x\n    url: http://a\n', 1);
    expect(yaml.locate(['topics', 1])).toEqual({ line: 3, column: 17 });
    expect(yaml.locate(['sources', 0, 'url'])).toEqual({ line: 6, column: 10 });
    expect(yaml.locate(['description'])).toEqual({ line: 2, column: 1 });
    expect(yaml.locateKey([], 'sources')).toEqual({ line: 4, column: 1 });
    expect(parseYamlSource('a: b: c\n').errors[0].where.line).toBe(1);
  });

  it('reads frontmatter only between the first two --- lines', () => {
    expect(splitFrontmatter('---\ntitle: x\n---\nbody\n---\n')).toEqual({ yaml: 'title: x', firstLine: 2, endLine: 3 });
    expect(splitFrontmatter('title: x\n')).toBeUndefined();
    expect(readFrontmatter('a.mdx', 'no frontmatter').problems[0]).toMatchObject({ rule: 'frontmatter', line: 1 });
  });

  it('accepts plain literal values in braces and nothing else', () => {
    expect(parseLiteral('"note"')).toEqual({ ok: true, value: 'note' });
    expect(parseLiteral(' [1, -2.5, true, null, \'x\', { a: "b" }] ')).toEqual({
      ok: true,
      value: [1, -2.5, true, null, 'x', { a: 'b' }],
    });
    for (const code of ['window.x', 'alert(1)', '`x`', '1 + 1', '[a]', '{ __proto__: 1 }', '"a" + "b"', '({})']) {
      expect(parseLiteral(code), code).toEqual({ ok: false });
    }
    expect(isCommentOnly('/* a note */')).toBe(true);
    expect(isCommentOnly('/* a */ alert(1) /* b */')).toBe(false);
  });

  it('classifies URLs, seeing through encoded and disguised schemes', () => {
    expect(classifyUrl('/guides/boot-xen/#steps')).toEqual({ kind: 'internal', path: '/guides/boot-xen/', fragment: 'steps' });
    expect(classifyUrl('https://xenbits.xen.org/')).toEqual({ kind: 'external' });
    expect(classifyUrl('http://xenbits.xen.org/')).toEqual({ kind: 'http' });
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java&#115;cript:x',
      'jav\tascript:x',
      'data:text/html,x',
      'vbscript:x',
      'javascript&colon;x',
    ]) {
      expect(classifyUrl(url).kind, url).toBe('unsafe');
    }
    expect(classifyUrl('../boot-xen/').kind).toBe('relative');
    expect(classifyUrl('//evil.example/').kind).toBe('protocol-relative');
  });

  it('finds disguised javascript: URLs and unsafe markup in MDX bodies', () => {
    const context = {
      glossaryIds: new Set(['hvm']),
      diagramNames: new Set(['xen-architecture']),
      glossaryFile: 'content/glossary.yaml',
    };
    const rules = (source: string) => checkBody('a.mdx', source, context).problems.map((problem) => problem.rule);
    expect(rules('[x](java&#115;cript:alert(1))')).toEqual(['link/unsafe-url']);
    expect(rules('[x][r]\n\n[r]: javascript:alert(1)')).toEqual(['link/unsafe-url']);
    expect(rules('<abbr title={"javascript:alert(1)"}>x</abbr>')).toEqual(['link/unsafe-url']);
    expect(rules('<Foo.Bar />')).toEqual(['component']);
    expect(rules('<>x</>')).toEqual(['mdx/element']);
    expect(rules('<kbd class="x">a</kbd>')).toEqual(['mdx/attribute']);
    expect(rules('<Steps>\n\n- a\n- b\n\n</Steps>')).toEqual(['component']);
    expect(rules('<Diagram name="xen-architecture">text</Diagram>')).toEqual(['component']);
    expect(rules('<Term>HVM</Term>')).toEqual(['component']);
    expect(rules('Visit www.example.com today.')).toEqual(['link/http']);
    expect(rules('A [link]() with [](/guides/a/) no text.')).toContain('link/text');
    expect(rules('{/* an editor\'s note */}\n\n<Term id={"hvm"}>HVM</Term> and <br />')).toEqual([]);
    // Only a list with a page of its own can show the names alone (SOURCE_LISTING_PAGES).
    expect(rules('<SourceListing list="boot-options" group="power" show="names" />')).toEqual([]);
    expect(rules('<SourceListing list="xenpm" show="names" />')).toEqual(['component']);
  });

  it('knows exactly the components that src/components/mdx/index.ts provides', () => {
    const index = readFileSync('src/components/mdx/index.ts', 'utf8');
    const block = /export const mdxComponents = \{([^}]*)\}/.exec(index)![1];
    const provided = block
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    expect([...COMPONENT_NAMES].sort()).toEqual(provided.sort());
  });

  it('lists the parameterless routes of src/pages', () => {
    expect(staticPages('src/pages')).toEqual(expect.arrayContaining(['/', '/search/', '/topics/', '/rss.xml', '/reference/boot-options/from-source/']));
  });
});

describe('check-links building blocks', () => {
  it('reads tags whose attribute values contain ">" and skips scripts and comments', () => {
    const html =
      '<a title="a > b" href="/x/">x</a><!-- <a href="/no/"> --><script>"<a href=\'/no/\'>"</script><h2 id="y">Y</h2><a name="z"></a>';
    expect(scanTags(html).map((tag) => tag.name)).toEqual(['a', 'script', 'h2', 'a']);
    const page = readPage(html);
    expect(page.links.map((link) => link.url)).toEqual(['/x/']);
    expect([...page.ids]).toEqual(['y', 'z']);
  });

  it('resolves links against the page and ignores other sites', () => {
    expect(resolveLink('#steps', '/guides/boot-xen/', 'https://kb.example')).toEqual({
      path: '/guides/boot-xen/',
      fragment: 'steps',
    });
    expect(resolveLink('https://kb.example/a/#b%20c', '/', 'https://kb.example')).toEqual({ path: '/a/', fragment: 'b c' });
    expect(resolveLink('https://other.example/', '/', 'https://kb.example')).toBeUndefined();
    expect(resolveLink('mailto:a@b.c', '/', 'https://kb.example')).toBeUndefined();
  });

  it('maps a page to the article or route it was built from', () => {
    const routes = [
      'index.astro',
      '[section]/index.astro',
      '[section]/[slug].astro',
      'topics/[topic].astro',
      'topics/index.astro',
      'search.astro',
    ];
    expect(sourceOfPage('/guides/boot-xen/', new Set(['guides/boot-xen']), routes)).toEqual({
      kind: 'article',
      id: 'guides/boot-xen',
    });
    expect(sourceOfPage('/topics/', new Set(), routes)).toEqual({ kind: 'route', id: 'topics/index.astro' });
    expect(sourceOfPage('/topics/power/', new Set(), routes)).toEqual({ kind: 'route', id: 'topics/[topic].astro' });
    expect(sourceOfPage('/', new Set(), routes)).toEqual({ kind: 'route', id: 'index.astro' });
  });

  it('finds the line where a link was written, or the <Term> that made it', () => {
    const source = '---\ntitle: x\n---\n\nSee [a](/guides/a/#x) and [b](/guides/a/).\n\n<Term id="hvm">HVM</Term>\n';
    expect(findLinkInSource(source, '/guides/a/')).toEqual({ line: 5, column: 31 });
    expect(findLinkInSource(source, '/guides/a/#x')).toEqual({ line: 5, column: 9 });
    expect(findLinkInSource(source, '/reference/glossary/#hvm')).toEqual({ line: 7, column: 7 });
    // The glossary's later pages (src/lib/glossary.ts): the link still comes from the <Term>.
    expect(findLinkInSource(source, '/reference/glossary/i-s/#hvm')).toEqual({ line: 7, column: 7 });
    expect(findLinkInSource(source, '/nowhere/')).toBeUndefined();
  });
});

describe('check-links on a built site', () => {
  it(
    'reports broken pages, #fragments and missing slashes against the source files',
    () => {
      const fixture = 'tests/fixtures/check-links';
      const result = spawnSync(process.execPath, ['scripts/check-links.ts'], {
        encoding: 'utf8',
        env: { ...process.env, GITHUB_ACTIONS: '', KB_OUT_DIR: `${fixture}/built`, KB_CONTENT_DIR: `${fixture}/content` },
      });
      const out = result.stdout + result.stderr;
      expect(result.status).toBe(1);
      const article = `${fixture}/content/articles/features/xen-architecture.mdx`;
      expect(out).toContain(
        `${article}:7:20  link/fragment — /guides/boot-xen/#step: /guides/boot-xen/ has no heading or anchor with the id "step". Fix: did you mean #steps?`,
      );
      expect(out).toContain(
        `${article}:7:57  link/trailing-slash — /guides/boot-xen has no trailing slash. Fix: write /guides/boot-xen/`,
      );
      expect(out).toContain(
        `${article}:9:21  link/broken — there is no page /reference/glosary/ in the build. Fix: did you mean /reference/glossary/?`,
      );
      expect(out).toContain(`${article}:11:9  link/fragment — /reference/glossary/#pv: the glossary has no entry "pv"`);
      expect(out).toContain(
        `${fixture}/content/articles/guides/boot-xen.mdx:9:24  link/fragment — /features/xen-architecture/#dom0-and-guests`,
      );
      expect(out).toMatch(
        /^src\/pages\/index\.astro:1:1 {2}link\/broken — there is no page \/features\/missing-feature\/ in the build \(on \/; made by this route/m,
      );
      expect(out).not.toContain('/not/a/link/');
      expect(out).not.toContain('/commented/out/');
      expect(out).toContain('✗ 6 broken links');
    },
    SPAWN_TIMEOUT,
  );

  it(
    'asks for a build when there is none',
    () => {
      const result = spawnSync(process.execPath, ['scripts/check-links.ts'], {
        encoding: 'utf8',
        env: { ...process.env, KB_OUT_DIR: path.join('tests/fixtures/check-links/content') },
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/run `npm run build` first/);
    },
    SPAWN_TIMEOUT,
  );
});

describe('the repository files contributors meet', () => {
  it('has the correction form that "Report a problem" opens, with the page field it fills in', () => {
    const link = new URL(reportUrl('Boot Xen', 'https://example.org/guides/boot-xen/'));
    const form = parseYaml(readFileSync(`.github/ISSUE_TEMPLATE/${link.searchParams.get('template')}`, 'utf8'));
    const ids = form.body.map((field: { id?: string }) => field.id);
    for (const param of link.searchParams.keys()) {
      if (param !== 'template' && param !== 'title') expect(ids).toContain(param);
    }
    expect(form.body.find((field: { id?: string }) => field.id === 'page').validations.required).toBe(true);
  });

  it('points the issue chooser at this repository', () => {
    const config = parseYaml(readFileSync('.github/ISSUE_TEMPLATE/config.yml', 'utf8'));
    expect(config.contact_links[0].url.startsWith(`${SITE.repository}/`)).toBe(true);
  });

  it('runs the install and npm test on every pull request', () => {
    const ci = parseYaml(readFileSync('.github/workflows/ci.yml', 'utf8'));
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    const runs: string[] = ci.jobs.test.steps.map((step: { run?: string }) => step.run).filter(Boolean);
    expect(runs).toEqual(expect.arrayContaining(['npm ci --no-audit --no-fund', 'npx playwright install --with-deps chromium', 'npm test']));
    expect(runs.indexOf('npm test')).toBeGreaterThan(runs.indexOf('npm ci --no-audit --no-fund'));
  });

  it('installs exactly what the lock file records, in CI, in the deploy and in .ci/run', () => {
    const script = readFileSync('.ci/run', 'utf8');
    const commands = script.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#'));
    const workflowRuns = ['ci.yml', 'deploy.yml'].flatMap((file) => {
      const workflow = parseYaml(readFileSync(`.github/workflows/${file}`, 'utf8'));
      return Object.values(workflow.jobs).flatMap((job) => ((job as { steps: { run?: string }[] }).steps ?? []).map((step) => step.run ?? ''));
    });
    expect(commands).toContain('npm ci --no-audit --no-fund');
    // No fallback to `npm install`, which would resolve versions anew instead of failing on a
    // lock file that no longer matches package.json. Only npm itself is installed that way.
    const installs = [...commands, ...workflowRuns].filter((line) => /(^\s*|\|\||&&|;)\s*npm (i|install|ci)\b/.test(line));
    expect(installs.length).toBeGreaterThanOrEqual(3);
    for (const line of installs) expect(line.trim()).toMatch(/^npm (ci --no-audit --no-fund|install --global npm@\S+)$/);
  });

  it('asks for the npm and Node the project needs, and CI brings them', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    /** The lowest version a range such as ^24.21.0 or >=22.12.0 allows, as numbers. */
    const lowest = (range: string) => range.match(/\d+\.\d+\.\d+/)![0].split('.').map(Number);
    const atLeast = (version: number[], floor: number[]) => {
      const i = version.findIndex((n, j) => n !== floor[j]);
      return i < 0 || version[i]! > floor[i]!;
    };
    // The project's scripts run on the Node of the `node` dev dependency: it must be one Astro supports.
    const astro = JSON.parse(readFileSync('node_modules/astro/package.json', 'utf8'));
    expect(atLeast(lowest(pkg.devDependencies.node), lowest(astro.engines.node)), `node ${pkg.devDependencies.node} for astro ${astro.engines.node}`).toBe(true);
    // npm runs on the system Node, and must read allowScripts (npm 11.16 and later).
    expect(pkg.engines.npm).toBe('>=11.16.0');
    expect(pkg.allowScripts['vnu-jar']).toBe(false);
    for (const file of ['ci.yml', 'deploy.yml']) {
      const workflow = parseYaml(readFileSync(`.github/workflows/${file}`, 'utf8'));
      const steps: { run?: string }[] = Object.values(workflow.jobs).flatMap((job) => (job as { steps?: { run?: string }[] }).steps ?? []);
      const upgrade = steps.find((step) => step.run?.startsWith('npm install --global npm@'));
      expect(upgrade?.run, `${file} installs the npm that package.json asks for`).toBe(`npm install --global npm@^${lowest(pkg.engines.npm).join('.')}`);
    }
  });

  it('deploys to GitHub Pages only a commit of main whose CI run has passed', () => {
    const ci = parseYaml(readFileSync('.github/workflows/ci.yml', 'utf8'));
    const deploy = parseYaml(readFileSync('.github/workflows/deploy.yml', 'utf8'));
    // Started by CI alone: no push or manual trigger that would skip the tests.
    expect(deploy.on).toEqual({ workflow_run: { workflows: [ci.name], types: ['completed'], branches: ['main'] } });
    expect(Object.keys(deploy.jobs)).toEqual(['build', 'deploy']);
    const { build } = deploy.jobs;
    expect(build.if).toMatch(/^github\.event\.workflow_run\.conclusion == 'success' && github\.event\.workflow_run\.event == 'push'$/);
    const checkout = build.steps.find((step: { uses?: string }) => step.uses?.startsWith('actions/checkout'));
    expect(checkout.with.ref, 'it builds the commit CI tested').toBe('${{ github.event.workflow_run.head_sha }}');
    expect(build.steps.map((step: { run?: string }) => step.run).filter(Boolean)).toContain('npm run build');
    const upload = build.steps.find((step: { uses?: string }) => step.uses?.startsWith('actions/upload-pages-artifact'));
    expect(upload.with.path).toBe('dist');
    expect(deploy.jobs.deploy.needs).toBe('build');
    expect(deploy.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
  });
});
