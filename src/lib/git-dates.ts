import { execFileSync } from 'node:child_process';
import path from 'node:path';

let cache: Map<string, Date> | undefined;

/**
 * Reads, in one `git log` call, the date of the last commit that touched each file below
 * `dir`. Returns an empty map outside a git checkout (e.g. a tarball build).
 */
export function readGitDates(dir: string, cwd = process.cwd()): Map<string, Date> {
  const dates = new Map<string, Date>();
  let log: string;
  try {
    log = execFileSync('git', ['log', '--format=%x00%cI', '--name-only', '--', dir], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return dates;
  }
  let current: Date | undefined;
  for (const line of log.split('\n')) {
    if (line.startsWith('\0')) {
      current = new Date(line.slice(1));
    } else if (line && current) {
      const file = path.normalize(line);
      if (!dates.has(file)) dates.set(file, current);
    }
  }
  return dates;
}

/** Date of the last commit that touched a file (path relative to the repository root). */
export function lastCommitDate(filePath: string, contentDir: string): Date | undefined {
  cache ??= readGitDates(contentDir);
  return cache.get(path.normalize(filePath));
}
