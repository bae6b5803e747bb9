/**
 * Reads the facts of a Xen source tree into a manifest the site checks its content against.
 *
 *   npm run extract:xen -- <tree> --commit <40-hex id> --name <name> --out <file.json>
 *       a tree already on disk (git archive output, a release tarball unpacked)
 *   npm run extract:xen -- --git <xen.git> --rev <rev> --name <name> --out <file.json>
 *       a revision of a Xen git repository (bare or not), unpacked into a temporary folder
 *   npm run extract:xen -- --changes <from.json> <to.json> --git <xen.git> --out <file.json>
 *       what was added and removed between two manifests, with the commit of each change
 *
 * The committed manifests were made with:
 *   --git <xen.git> --rev 20a0b3ef15 --name "3.4 branch point" --out content/source/xen-3.4.json
 *   --git <xen.git> --rev 3.3.0-branched --name "3.3.0-branched" --out content/source/xen-3.3.json
 *   --changes content/source/xen-3.3.json content/source/xen-3.4.json --git <xen.git>
 *     --out content/source/xen-3.3-to-3.4.json
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { changesSchema, xenManifestSchema, type XenManifest } from '../src/schemas/xen-manifest.ts';
import { diffManifests, withCommits } from '../src/lib/xen-source/changes.ts';
import { buildManifest } from '../src/lib/xen-source/manifest.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    commit: { type: 'string' },
    git: { type: 'string' },
    rev: { type: 'string' },
    name: { type: 'string' },
    out: { type: 'string' },
    changes: { type: 'boolean' },
    help: { type: 'boolean' },
  },
});

const USAGE = readFileSync(import.meta.filename, 'utf8').split('*/')[0]!.replace(/^\/\*\*?|^ \* ?/gm, '');
const fail = (message: string): never => {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(1);
};
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.out) fail('Say where to write the result with --out <file.json>.');

const git = (...args: string[]) => execFileSync('git', ['-C', values.git!, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const write = (data: unknown) => {
  writeFileSync(values.out!, `${JSON.stringify(data, null, 1)}\n`);
  console.log(`Wrote ${values.out}`);
};

if (values.changes) {
  const [fromFile, toFile] = positionals;
  if (!fromFile || !toFile || !values.git) fail('--changes needs two manifests and --git <xen.git>.');
  const load = (file: string): XenManifest => xenManifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const from = load(fromFile!);
  const to = load(toFile!);
  const changes = withCommits(diffManifests(from, to), (needle, paths) =>
    git('log', '--format=%H%x09%s', `-S${needle}`, `${from.tree.commit}..${to.tree.commit}`, '--', ...paths)
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t', 2) as [string, string]),
  );
  write(
    changesSchema.parse({
      from: { commit: from.tree.commit, name: from.tree.name },
      to: { commit: to.tree.commit, name: to.tree.name },
      changes,
    }),
  );
  const found = changes.filter((change) => change.commit).length;
  console.log(`${changes.length} changes, ${found} with the commit that made them.`);
} else {
  if (!values.name) fail('Name the tree with --name, such as --name "3.4 branch point".');
  let root = positionals[0];
  let commit = values.commit;
  let temporary: string | undefined;
  if (values.git) {
    if (!values.rev) fail('--git needs --rev <commit or tag>.');
    commit = git('rev-parse', `${values.rev}^{commit}`).trim();
    temporary = mkdtempSync(path.join(tmpdir(), 'xen-tree-'));
    execFileSync('sh', ['-c', `git -C "$0" archive "$1" | tar -x -C "$2"`, values.git!, commit, temporary]);
    root = temporary;
  }
  if (!root) fail('Give the path of a Xen tree, or --git and --rev.');
  if (!commit || !/^[0-9a-f]{40}$/.test(commit)) fail('Give the tree\'s full commit id with --commit (40 hex digits).');
  try {
    const manifest = buildManifest(root!, { commit: commit!, name: values.name! });
    write(manifest);
    console.log(
      `${manifest.tree.version}: ${manifest.bootOptions.length} boot options, ${manifest.xenpm.length} xenpm and ${manifest.xm.length} xm subcommands, ` +
        `${manifest.domainConfig.length} domain configuration keys, ${manifest.xendConfig.length} xend-config.sxp keys, ${Object.keys(manifest.files).length} files.`,
    );
  } finally {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}
