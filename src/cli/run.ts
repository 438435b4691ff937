import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatCount, formatDiagnostics, validWord } from '../diagnostics/index.js';
import { ARTIFACT_IDS, type ArtifactId } from '../compose/index.js';
import type { Env } from '../env/index.js';
import { checkSession } from '../check.js';
import { type BuildOptions, type BuildProgress, byteLength, type MemoEntry, type OutputFormat } from '../pipeline.js';
import { type Locale, sessionJsonSchema } from '../schema/index.js';
import { sniffLocale, validateSessionText } from '../validate/index.js';
import { EXIT, oneOf, type ReportOptions, readInput, report, UsageError } from './common.js';
import { DIFF_FORMATS, diffCommand } from './diff.js';
import { groupsCommand } from './groups.js';
import { importParticipantsCommand } from './import.js';
import type { CliIo } from './io.js';

export { EXIT } from './common.js';

const HELP = `stratdoc — documents from the outcome of a strategy session

Usage
  stratdoc validate <file|->              check a session file (JSON or YAML)
  stratdoc lint <file|-> [--strict]       check it against the five artifact principles
  stratdoc schema [--out FILE]            print the JSON Schema of session files
  stratdoc build <file|-> [options]       write the documents of the session
      --out DIR              where to write (default: out)
      --artifacts ids        comma-separated: decisions, resources, initiatives, control, poster, pack,
                             swot, vision, protocols, agenda, status (default: every one the session can have)
      --format list          comma-separated: pdf, docx, html (default: all three)
      --templates DIR        templates that replace built-in ones of the same name
      --strict               build nothing while lint finds errors (exit 1)
      --watch, -w            build again whenever the session file or the templates change
      --poster-size A4|A3|A2 paper of the poster (default: the session's, else A3)
      --per-unit             also one poster per unit: poster-<unit>.pdf
      --split                also one protocol per participant: protocols-<id>.pdf
      --previous FILE        an earlier snapshot of the session: status lists what changed colour since
      --seed N               the draw of the groups in protocols and agenda (as stratdoc groups --seed)
      --cache DIR            where drawn diagrams are kept (default: .stratdoc-cache beside --out)
      --no-cache             draw every diagram again
      --no-diagrams          show diagrams as lists and tables, without a browser
      --require-diagrams     fail when a diagram cannot be drawn (for CI)
      --emit-mermaid         also write each diagram's Mermaid source (<artifact>.<diagram>.mmd)
  stratdoc diff <old> <new> [options]     what changed between two snapshots of a session
      --format text|json|pdf|docx|html
                             default: text on the terminal, or told by the --out file's extension
      --out FILE             write the report there (needed for pdf and docx)
      --exit-code            exit 1 when the snapshots differ
  stratdoc init [DIR] [--example NAME]    write an example session to start from
  stratdoc groups <file|-> [options]      the groups of a dynamic-network session, from a session or a CSV
      --seed N               another draw of the groups (default: from the session's title and date; 1 for a CSV)
      --format text|json|csv tables for the organiser (default), JSON, or one CSV row per participant
      --mode swot|vision     what the profile groups work on: SWOT components (default) or the vision's directions
  stratdoc import participants <file.csv|-> [options]
                                          participants from a spreadsheet export (CSV), printed as JSON
      --into FILE            merge them into this session (JSON or YAML): same name updates, others are added
      --spheres ids          comma-separated spheres the CSV may name (default: the session's, else the four)

Options
  --reporter text|json   diagnostics for people (default) or for CI
  --locale en|ru|uk      language of the messages (default: the session's)
  --strict               lint: fail on warnings too; build: build nothing while lint finds errors
  --force                init: overwrite an existing file
  -h, --help             show this help
  -v, --version          print the version

Exit codes
  0 ok · 1 lint found errors (or warnings with --strict; diff --exit-code: changes) · 2 invalid input or usage
  · 3 internal error
`;

/** Example sessions `init` can write, by name. */
export const EXAMPLES: Readonly<Record<string, string>> = {
  starter: 'starter.en.yaml',
  corporate: 'corporate-planning.en.yaml',
  industrial: 'industrial-safety.ru.json',
  city: 'city-swot.uk.json',
};

/** Runs the CLI with the given arguments; returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`stratdoc: ${(error as Error).message}\nRun \`stratdoc --help\` for usage.\n`);
      return EXIT.invalid;
    }
    io.stderr(
      `stratdoc: internal error: ${error instanceof Error ? error.message : String(error)}\nPlease report it with the input that caused it.\n`,
    );
    return EXIT.internal;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      reporter: { type: 'string' },
      locale: { type: 'string' },
      strict: { type: 'boolean' },
      out: { type: 'string', short: 'o' },
      artifacts: { type: 'string' },
      format: { type: 'string' },
      templates: { type: 'string' },
      cache: { type: 'string' },
      'no-cache': { type: 'boolean' },
      'no-diagrams': { type: 'boolean' },
      'require-diagrams': { type: 'boolean' },
      'emit-mermaid': { type: 'boolean' },
      'poster-size': { type: 'string' },
      'per-unit': { type: 'boolean' },
      split: { type: 'boolean' },
      previous: { type: 'string' },
      watch: { type: 'boolean', short: 'w' },
      example: { type: 'string' },
      seed: { type: 'string' },
      mode: { type: 'string' },
      into: { type: 'string' },
      spheres: { type: 'string' },
      force: { type: 'boolean' },
      'exit-code': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.version) {
    io.stdout(`${io.version}\n`);
    return EXIT.ok;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    io.stdout(HELP);
    return command || values.help ? EXIT.ok : EXIT.invalid;
  }
  const reporter = oneOf(values.reporter ?? 'text', ['text', 'json'] as const, '--reporter');
  const locale =
    values.locale === undefined ? undefined : oneOf(values.locale, ['en', 'ru', 'uk'] as const, '--locale');
  switch (command) {
    case 'validate':
      return validateCommand(single(rest, 'validate'), { reporter, locale }, io);
    case 'lint':
      return lintCommand(single(rest, 'lint'), { reporter, locale, strict: values.strict ?? false }, io);
    case 'schema':
      return schemaCommand(values.out, io);
    case 'build':
      return buildCommand(
        single(rest, 'build'),
        {
          reporter,
          locale,
          out: values.out ?? 'out',
          artifacts: listOf(values.artifacts, ARTIFACT_IDS, '--artifacts'),
          formats: listOf(values.format, ['html', 'pdf', 'docx'] as const, '--format'),
          templates: values.templates,
          cache: values['no-cache'] ? null : (values.cache ?? undefined),
          diagrams: values['no-diagrams'] ? 'off' : values['require-diagrams'] ? 'required' : 'auto',
          emitMermaid: values['emit-mermaid'] ?? false,
          strict: values.strict ?? false,
          poster: posterOptions(values['poster-size'], values['per-unit']),
          watch: values.watch ?? false,
          seed: seedOf(values.seed),
          split: values.split ?? false,
          previous: values.previous,
        },
        io,
      );
    case 'init':
      return initCommand(rest[0] ?? '.', values.example ?? 'starter', values.force ?? false, io);
    case 'groups':
      return groupsCommand(
        single(rest, 'groups'),
        {
          reporter,
          locale,
          seed: seedOf(values.seed),
          format: oneOf(values.format ?? 'text', ['text', 'json', 'csv'] as const, '--format'),
          mode: oneOf(values.mode ?? 'swot', ['swot', 'vision'] as const, '--mode'),
        },
        io,
      );
    case 'diff':
      return diffCommand(
        rest,
        {
          reporter,
          locale,
          format: values.format === undefined ? undefined : oneOf(values.format, DIFF_FORMATS, '--format'),
          out: values.out,
          templates: values.templates,
          exitCode: values['exit-code'] ?? false,
        },
        io,
      );
    case 'import': {
      const [what, ...files] = rest;
      if (what !== 'participants')
        throw new UsageError('import takes what to import: stratdoc import participants <file.csv>');
      return importParticipantsCommand(
        single(files, 'import participants'),
        {
          reporter,
          locale,
          into: values.into,
          spheres: values.spheres
            ?.split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        },
        io,
      );
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function validateCommand(file: string, options: ReportOptions, io: CliIo): Promise<number> {
  const input = await readInput(file, options.locale, io);
  if ('error' in input) return report([input.error], file, options.locale ?? 'en', options, io, EXIT.invalid);
  // One language for the whole report: asked for, or the one the session is written in.
  const locale = options.locale ?? sniffLocale(input.text);
  const result = validateSessionText(input.text, { fileName: input.name, locale });
  if (!result.ok) return report(result.diagnostics, input.name, locale, options, io, EXIT.invalid);
  if (options.reporter === 'json') {
    io.stdout(`${JSON.stringify({ file: input.name, valid: true, diagnostics: result.warnings }, null, 2)}\n`);
    return EXIT.ok;
  }
  if (result.warnings.length > 0)
    io.stderr(formatDiagnostics(result.warnings, { file: input.name, locale, color: io.color }));
  const s = result.value;
  const counted = [
    formatCount(s.decisions.length, 'decision', locale),
    formatCount(s.initiatives.length, 'initiative', locale),
    formatCount(s.controlPoints.length, 'controlPoint', locale),
    formatCount(s.resources.length, 'resource', locale),
  ];
  io.stdout(`${input.name}: ${validWord(locale)} — ${counted.join(', ')}\n`);
  return EXIT.ok;
}

async function lintCommand(file: string, options: ReportOptions & { strict: boolean }, io: CliIo): Promise<number> {
  const input = await readInput(file, options.locale, io);
  if ('error' in input) return report([input.error], file, options.locale ?? 'en', options, io, EXIT.invalid);
  const locale = options.locale ?? sniffLocale(input.text);
  const result = checkSession(input.text, { fileName: input.name, locale });
  if (!result.ok) return report(result.diagnostics, input.name, locale, options, io, EXIT.invalid);
  const { findings, warnings } = result.value;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const failed = counts.error > 0 || (options.strict && counts.warning > 0);
  const all = [...warnings, ...findings];
  if (options.reporter === 'json') {
    io.stdout(`${JSON.stringify({ file: input.name, summary: counts, diagnostics: all }, null, 2)}\n`);
  } else {
    if (all.length > 0) io.stdout(`${formatDiagnostics(all, { file: input.name, locale, color: io.color })}\n`);
    io.stdout(`${input.name}: ${summarize(counts, locale)}\n`);
  }
  return failed ? EXIT.findings : EXIT.ok;
}

function summarize(counts: { error: number; warning: number; info: number }, locale: Locale): string {
  return (['error', 'warning', 'info'] as const).map((k) => formatCount(counts[k], k, locale)).join(', ');
}

interface BuildCommandOptions extends ReportOptions {
  readonly out: string;
  readonly artifacts: readonly ArtifactId[] | undefined;
  readonly formats: readonly OutputFormat[] | undefined;
  readonly templates: string | undefined;
  /** Diagram cache folder: given, none (null), or the default beside the output (undefined). */
  readonly cache: string | null | undefined;
  readonly diagrams: 'auto' | 'off' | 'required';
  readonly emitMermaid: boolean;
  /** Lint errors fail the build. */
  readonly strict: boolean;
  readonly poster: BuildOptions['poster'];
  readonly watch: boolean;
  /** The seed of the group rotation (protocols, agenda). */
  readonly seed: number | undefined;
  /** One protocol per participant besides the merged one. */
  readonly split: boolean;
  /** An earlier snapshot of the session, for the status report's changes. */
  readonly previous: string | undefined;
}

async function buildCommand(file: string, options: BuildCommandOptions, io: CliIo): Promise<number> {
  if (options.templates && !io.exists(options.templates)) {
    io.stderr(`stratdoc: the templates folder ${options.templates} does not exist.\n`);
    return EXIT.invalid;
  }
  if (options.watch && file === '-') throw new UsageError('--watch needs a session file, not standard input');
  const cacheDir = options.cache === undefined ? join(dirname(resolve(options.out)), '.stratdoc-cache') : options.cache;
  const env = io.env({
    baseDir: file === '-' ? '.' : dirname(file),
    ...(options.templates ? { templatesDir: options.templates } : {}),
    cacheDir,
    diagrams: options.diagrams !== 'off',
  });
  // While watching, documents an edit did not change are taken from the previous build.
  const memo = options.watch ? new Map<string, MemoEntry>() : undefined;
  // …and files the last build wrote that still read as written are left as they are.
  const onDisk = options.watch ? new Map<string, WrittenFile>() : undefined;
  const code = await buildOnce(file, options, env, io, memo, onDisk);
  if (!options.watch) return code;
  const watched = [file, ...(options.templates ? [options.templates] : [])];
  return new Promise<number>(() => {
    // Changes arriving while a build runs are gathered into one more build after it.
    let running = false;
    let again = false;
    const rebuild = async (changed: string) => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      io.stderr(`\n${changed} changed — building again\n`);
      await buildOnce(file, options, env, io, memo, onDisk);
      running = false;
      if (again) {
        again = false;
        await rebuild(changed);
      }
    };
    io.watch(watched, (changed) => void rebuild(changed));
    // Said once the watch is set: an edit made after this line is seen.
    io.stderr(`watching ${watched.join(', ')} — Ctrl-C to stop\n`);
  });
}

/** A file a watch's build wrote: the bytes (the very object the memo holds) and the file's stamp after writing. */
interface WrittenFile {
  /** The bytes written, as the build gave them (in chunks, or whole). */
  readonly data: Uint8Array | readonly Uint8Array[];
  readonly stamp: string;
}

/**
 * One build: read, build, write every file atomically, report. Returns the exit code. With `onDisk` (a watch),
 * a document taken unchanged from the last build is not written again while its file is as that build left it.
 */
async function buildOnce(
  file: string,
  options: BuildCommandOptions,
  env: Env,
  io: CliIo,
  memo?: Map<string, MemoEntry>,
  onDisk?: Map<string, WrittenFile>,
): Promise<number> {
  const started = performance.now();
  const input = await readInput(file, options.locale, io);
  if ('error' in input) return report([input.error], file, options.locale ?? 'en', options, io, EXIT.invalid);
  const locale = options.locale ?? sniffLocale(input.text);
  const text = options.reporter === 'text';
  const previous = options.previous === undefined ? undefined : await readInput(options.previous, locale, io);
  if (previous && 'error' in previous)
    return report([previous.error], options.previous as string, locale, options, io, EXIT.invalid);
  // The writers (fonts, pdf-lib, docx) load only when a build needs them: validate and lint start fast.
  const { buildWith } = await import('../build.js');
  const result = await buildWith(input.text, env, {
    fileName: input.name,
    locale,
    diagrams: options.diagrams,
    lintErrorsFail: options.strict,
    ...(memo ? { memo } : {}),
    ...(options.artifacts ? { artifacts: options.artifacts } : {}),
    ...(options.formats ? { formats: options.formats } : {}),
    ...(options.poster ? { poster: options.poster } : {}),
    ...(options.seed !== undefined ? { network: { seed: options.seed } } : {}),
    ...(options.split ? { split: true } : {}),
    ...(previous ? { previous: previous.text, previousFileName: previous.name } : {}),
    ...(io.sourceDateEpoch !== undefined ? { sourceDateEpoch: io.sourceDateEpoch } : {}),
    ...(text ? { onProgress: (event: BuildProgress) => io.stderr(progressLine(event, locale)) } : {}),
  });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity]++;
  if (!result.ok) {
    if (options.strict && counts.error > 0) {
      const findings = result.findings.filter((f) => f.severity === 'error');
      report([...result.diagnostics, ...findings], input.name, locale, options, io, EXIT.findings);
      if (text)
        io.stderr(`stratdoc: not built — lint found ${formatCount(counts.error, 'error', locale)} (--strict)\n`);
      return EXIT.findings;
    }
    return report(result.diagnostics, input.name, locale, options, io, EXIT.invalid);
  }
  const written: Array<{ file: string; bytes: number; pages: number | null }> = [];
  let unchanged = 0;
  for (const output of result.files) {
    const target = join(options.out, output.fileName);
    const last = onDisk?.get(target);
    // A DOCX comes in chunks: written as they are, never joined.
    const data = output.chunks ?? output.data;
    if (last && last.data === data && io.fileStamp?.(target) === last.stamp) unchanged++;
    else {
      await io.writeText(target, data);
      const stamp = onDisk && io.fileStamp?.(target);
      if (onDisk && stamp) onDisk.set(target, { data, stamp });
    }
    written.push({ file: target, bytes: byteLength(output), pages: output.pages });
  }
  if (options.emitMermaid) {
    for (const diagram of result.diagramSources) {
      const target = join(options.out, diagram.fileName);
      const data = new TextEncoder().encode(diagram.source);
      await io.writeText(target, data);
      written.push({ file: target, bytes: data.length, pages: null });
    }
  }
  if (options.reporter === 'json') {
    io.stdout(
      `${JSON.stringify({ file: input.name, written, lint: counts, diagnostics: result.diagnostics }, null, 2)}\n`,
    );
    return EXIT.ok;
  }
  if (result.diagnostics.length > 0)
    io.stderr(formatDiagnostics(result.diagnostics, { file: input.name, locale, color: io.color }));
  if (counts.error + counts.warning > 0) io.stderr(`lint: ${summarize(counts, locale)} (stratdoc lint ${file})\n`);
  const pdfs = result.files.filter((f) => f.format === 'pdf');
  const pages = pdfs.length > 0 ? `${pdfs.reduce((sum, f) => sum + (f.pages ?? 0), 0)} PDF page(s), ` : '';
  const bytes = written.reduce((sum, f) => sum + f.bytes, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const kept = unchanged > 0 ? `, ${unchanged} unchanged` : '';
  io.stderr(
    `wrote ${written.length - unchanged} file(s) to ${options.out}${kept}: ${pages}${size(bytes)}, in ${seconds} s\n`,
  );
  return EXIT.ok;
}

/** `  decisions.pdf       12 pages     84 KB    310 ms` */
function progressLine(event: BuildProgress, _locale: Locale): string {
  const pages = event.pages === null ? '' : `${event.pages} page${event.pages === 1 ? '' : 's'}`;
  if (event.reused)
    return `  ${event.fileName.padEnd(24)} ${pages.padStart(9)} ${size(event.bytes).padStart(9)}  unchanged\n`;
  const ms = event.ms >= 1000 ? `${(event.ms / 1000).toFixed(1)} s` : `${Math.round(event.ms)} ms`;
  return `  ${event.fileName.padEnd(24)} ${pages.padStart(9)} ${size(event.bytes).padStart(9)} ${ms.padStart(8)}\n`;
}

/** A size as people read it: 812 B, 84 KB, 1.9 MB. */
function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function schemaCommand(out: string | undefined, io: CliIo): Promise<number> {
  const text = `${JSON.stringify(sessionJsonSchema(), null, 2)}\n`;
  if (out) {
    await io.writeText(out, text);
    io.stderr(`wrote ${out}\n`);
  } else io.stdout(text);
  return EXIT.ok;
}

async function initCommand(dir: string, example: string, force: boolean, io: CliIo): Promise<number> {
  const source = EXAMPLES[example];
  if (!source) throw new UsageError(`unknown example "${example}"; choose one of: ${Object.keys(EXAMPLES).join(', ')}`);
  const extension = source.endsWith('.json') ? 'json' : 'yaml';
  const target = join(dir, `session.${extension}`);
  if (io.exists(target) && !force) {
    io.stderr(`stratdoc: ${target} already exists; pass --force to overwrite it.\n`);
    return EXIT.invalid;
  }
  const text = (await io.readText(join(io.examplesDir, source))).replace(
    /(\$schema["']?\s*[:=]\s*["']?)[^"'\s,]+/,
    '$1./node_modules/stratdoc/dist/session.schema.json',
  );
  await io.writeText(target, text);
  io.stdout(`wrote ${target} (example "${example}"). Next: stratdoc lint ${target}\n`);
  return EXIT.ok;
}

function posterOptions(size: string | undefined, perUnit: boolean | undefined): BuildOptions['poster'] {
  if (size === undefined && perUnit === undefined) return undefined;
  return {
    ...(size !== undefined ? { size: oneOf(size, ['A4', 'A3', 'A2'] as const, '--poster-size') } : {}),
    ...(perUnit ? { perUnit: true } : {}),
  };
}

function seedOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 0xffffffff)
    throw new UsageError('--seed must be a whole number from 0 to 4294967295');
  return Number(value);
}

function single(rest: readonly string[], command: string): string {
  if (rest.length !== 1) throw new UsageError(`${command} takes one file (or - for standard input)`);
  return rest[0] as string;
}

function listOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (items.length === 0) throw new UsageError(`${flag} needs at least one of: ${allowed.join(', ')}`);
  return items.map((item) => oneOf(item, allowed, flag));
}

function isParseArgsError(error: unknown): boolean {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')
  );
}
