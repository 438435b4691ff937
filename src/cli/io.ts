import { existsSync, readFileSync, statSync, watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Env, nodeEnv, removePendingWrites, writeFileAtomic } from '../env/index.js';

/** Everything the CLI needs from the outside world, so commands can run in tests without a process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readText: (file: string) => Promise<string>;
  readonly readStdin: () => Promise<string>;
  /** Writes atomically: a temporary file renamed into place, so a failure never leaves half a file. */
  readonly writeText: (file: string, text: string | Uint8Array | readonly Uint8Array[]) => Promise<void>;
  readonly exists: (file: string) => boolean;
  /** The size and modification time of a file, as a string that changes when the file does; null when missing. */
  readonly fileStamp?: (file: string) => string | null;
  /** Folder of the example sessions shipped with the package. */
  readonly examplesDir: string;
  readonly color: boolean;
  readonly version: string;
  /** SOURCE_DATE_EPOCH, when set to a whole number of seconds: stamps generated files instead of the session date. */
  readonly sourceDateEpoch?: number;
  /** The build environment (templates, assets) for a session file in `baseDir`. */
  readonly env: (options: {
    templatesDir?: string;
    baseDir: string;
    cacheDir?: string | null;
    diagrams?: boolean;
  }) => Env;
  /** Calls `onChange` (with the path) when a watched file, or a file in a watched folder, changes. */
  readonly watch: (paths: readonly string[], onChange: (path: string) => void) => void;
}

let interruptsHandled = false;

/** On Ctrl-C or SIGTERM, the temporary files of unfinished writes are removed before the process exits. */
function removePendingOnInterrupt(): void {
  if (interruptsHandled) return;
  interruptsHandled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      removePendingWrites();
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
    writeText: writeFileAtomic,
    exists: (file) => existsSync(file),
    fileStamp: (file) => {
      const stat = statSync(file, { throwIfNoEntry: false });
      return stat ? `${stat.size}:${stat.mtimeMs}` : null;
    },
    examplesDir,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    version: packageVersion(here),
    ...(/^\d+$/.test(process.env.SOURCE_DATE_EPOCH ?? '')
      ? { sourceDateEpoch: Number(process.env.SOURCE_DATE_EPOCH) }
      : {}),
    env: (options) => nodeEnv(options),
    watch: watchPaths,
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

/**
 * Watches files and folders. A file is watched through its folder, so an editor that saves by writing a new
 * file and renaming it over the old one is still seen; bursts of events within 100 ms count as one change.
 */
function watchPaths(paths: readonly string[], onChange: (path: string) => void): void {
  let timer: NodeJS.Timeout | undefined;
  const changed = (path: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => onChange(path), 100);
  };
  for (const path of paths) {
    if (statSync(path).isDirectory()) watch(path, { recursive: true }, (_e, name) => changed(join(path, String(name))));
    else {
      const name = basename(path);
      watch(dirname(resolve(path)), (_e, entry) => {
        if (entry === name) changed(path);
      });
    }
  }
}
