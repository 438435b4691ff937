import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './sessions.js';

/** The built CLI; `npm test` builds it first. */
export const CLI = join(ROOT, 'dist', 'cli.js');

/** Runs the built CLI as a user would, with optional standard input. */
export function stratdoc(args: string[], options: { input?: string; cwd?: string; env?: Record<string, string> } = {}) {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it first)');
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
