import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { changeTimes, deleteUnwritten } from '../../src/integrations/keep-output.ts';
import { tempFolder } from '../temp-folder.ts';

test('a kept output folder loses what the build did not write or keep, and nothing else', () => {
  const dir = tempFolder('keep-output', {
    'old-page/index.html': 'a page of an article deleted since',
    'kept/index.html': 'a page the build left in place',
    'written.css': 'old',
    '.git/HEAD': 'ref: refs/heads/pages',
  });
  const before = changeTimes(dir);
  expect([...before.keys()].sort()).toEqual(['kept/index.html', 'old-page/index.html', 'written.css']);
  // The kernel may keep change times at a clock tick's resolution; a build writes seconds later.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  writeFileSync(path.join(dir, 'written.css'), 'new');
  writeFileSync(path.join(dir, 'new.js'), 'new');

  expect(deleteUnwritten(dir, before, new Set(['kept/index.html']))).toBe(1);
  expect(existsSync(path.join(dir, 'old-page'))).toBe(false);
  for (const file of ['kept/index.html', 'written.css', 'new.js', '.git/HEAD']) expect(existsSync(path.join(dir, file)), file).toBe(true);
});
