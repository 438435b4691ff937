import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Env, nodeEnv } from '../env/index.js';

/** Everything the CLI needs from the outside world, so commands can run in tests without a process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readText: (file: string) => Promise<string>;
  readonly readStdin: () => Promise<string>;
  /** Writes atomically: a temporary file renamed into place, so a failure never leaves half a file. */
  readonly writeText: (file: string, text: string | Uint8Array) => Promise<void>;
  readonly exists: (file: string) => boolean;
  /** Folder of the example sessions shipped with the package. */
  readonly examplesDir: string;
  readonly color: boolean;
  readonly version: string;
  /** The build environment (templates, assets) for a session file in `baseDir`. */
  readonly env: (options: {
    templatesDir?: string;
    baseDir: string;
    cacheDir?: string | null;
    diagrams?: boolean;
  }) => Env;
}

/** Temporary files being written: removed if the process is interrupted (Ctrl-C, SIGTERM) before renaming. */
const pending = new Set<string>();
let interruptsHandled = false;

function removePendingOnInterrupt(): void {
  if (interruptsHandled) return;
  interruptsHandled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const temp of pending) rmSync(temp, { force: true });
      // The usual exit status of a process ended by the signal.
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

/** The real world: the process's streams and the file system. */
export function nodeIo(): CliIo {
  removePendingOnInterrupt();
  const here = dirname(fileURLToPath(import.meta.url));
  // Built: dist/cli.js beside dist/examples. From source: src/cli beside ../../fixtures/sessions.
  const examplesDir =
    [join(here, 'examples'), resolve(here, '../../fixtures/sessions')].find((d) => existsSync(d)) ??
    join(here, 'examples');
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readText: (file) => readFile(file, 'utf8'),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    writeText: async (file, text) => {
      const dir = dirname(resolve(file));
      await mkdir(dir, { recursive: true });
      // A process killed outright (SIGKILL, power) may have left a hidden temporary file of an earlier write:
      // swept here, before this write puts the file in place.
      const prefix = `.${basename(file)}.stratdoc-`;
      for (const name of await readdir(dir)) {
        if (name.startsWith(prefix) && name.endsWith('.tmp') && !pending.has(join(dir, name)))
          await rm(join(dir, name), { force: true });
      }
      const temp = join(dir, `${prefix}${randomBytes(4).toString('hex')}.tmp`);
      pending.add(temp);
      try {
        await writeFile(temp, text);
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      } finally {
        pending.delete(temp);
      }
    },
    exists: (file) => existsSync(file),
    examplesDir,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    version: packageVersion(here),
    env: (options) => nodeEnv(options),
  };
}

/** The version in the package.json next to the built files (dist/..) or the sources (src/cli/../..). */
function packageVersion(here: string): string {
  for (const candidate of [join(here, '../package.json'), join(here, '../../package.json')]) {
    if (!existsSync(candidate)) continue;
    const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'stratdoc' && pkg.version) return pkg.version;
  }
  return '0.0.0';
}
