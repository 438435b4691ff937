import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type Diagnostic,
  formatCount,
  formatDiagnostics,
  hasErrors,
  type ReportFormat,
  validWord,
} from '../diagnostics/index.js';
import { describeIssue } from '../diagnostics/messages.js';
import { ARTIFACT_IDS, type ArtifactId } from '../compose/index.js';
import { buildDocuments, checkSession, type OutputFormat } from '../pipeline.js';
import { type Locale, sessionJsonSchema } from '../schema/index.js';
import { sniffLocale, validateSessionText } from '../validate/index.js';
import type { CliIo } from './io.js';

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, findings: 1, invalid: 2, internal: 3 } as const;

const HELP = `stratdoc — documents from the outcome of a strategy session

Usage
  stratdoc validate <file|->              check a session file (JSON or YAML)
  stratdoc lint <file|-> [--strict]       check it against the five artifact principles
  stratdoc schema [--out FILE]            print the JSON Schema of session files
  stratdoc build <file|-> [options]       write the documents of the session
      --out DIR              where to write (default: out)
      --artifacts ids        comma-separated: decisions, initiatives (more to come)
      --format list          comma-separated: pdf, docx, html (default: all three)
      --templates DIR        templates that replace built-in ones of the same name
      --cache DIR            where drawn diagrams are kept (default: .stratdoc-cache beside --out)
      --no-cache             draw every diagram again
      --no-diagrams          show diagrams as lists and tables, without a browser
      --require-diagrams     fail when a diagram cannot be drawn (for CI)
      --emit-mermaid         also write each diagram's Mermaid source (<artifact>.<diagram>.mmd)
  stratdoc init [DIR] [--example NAME]    write an example session to start from

Options
  --reporter text|json   diagnostics for people (default) or for CI
  --locale en|ru|uk      language of the messages (default: the session's)
  --strict               lint: fail on warnings too
  --force                init: overwrite an existing file
  -h, --help             show this help
  -v, --version          print the version

Exit codes
  0 ok · 1 lint found errors (or warnings with --strict) · 2 invalid input or usage · 3 internal error
`;

/** Example sessions `init` can write, by name. */
export const EXAMPLES: Readonly<Record<string, string>> = {
  starter: 'starter.en.yaml',
  corporate: 'corporate-planning.en.yaml',
  industrial: 'industrial-safety.ru.json',
  city: 'city-swot.uk.json',
};

class UsageError extends Error {}

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
      example: { type: 'string' },
      force: { type: 'boolean' },
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
        },
        io,
      );
    case 'init':
      return initCommand(rest[0] ?? '.', values.example ?? 'starter', values.force ?? false, io);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

interface ReportOptions {
  readonly reporter: ReportFormat;
  readonly locale: Locale | undefined;
}

async function readInput(
  file: string,
  locale: Locale | undefined,
  io: CliIo,
): Promise<{ text: string; name: string } | { error: Diagnostic }> {
  const name = file === '-' ? '<stdin>' : file;
  try {
    return { text: file === '-' ? await io.readStdin() : await io.readText(file), name };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    const text = describeIssue('input/read', locale ?? 'en', { file: name, detail });
    return { error: { code: 'input/read', severity: 'error', path: [], ...text } };
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
}

async function buildCommand(file: string, options: BuildCommandOptions, io: CliIo): Promise<number> {
  const input = await readInput(file, options.locale, io);
  if ('error' in input) return report([input.error], file, options.locale ?? 'en', options, io, EXIT.invalid);
  const locale = options.locale ?? sniffLocale(input.text);
  const cacheDir = options.cache === undefined ? join(dirname(resolve(options.out)), '.stratdoc-cache') : options.cache;
  const env = io.env({
    baseDir: file === '-' ? '.' : dirname(file),
    ...(options.templates ? { templatesDir: options.templates } : {}),
    cacheDir,
    diagrams: options.diagrams !== 'off',
  });
  if (options.templates && !io.exists(options.templates)) {
    io.stderr(`stratdoc: the templates folder ${options.templates} does not exist.\n`);
    return EXIT.invalid;
  }
  const result = await buildDocuments(input.text, env, {
    fileName: input.name,
    locale,
    diagrams: options.diagrams,
    ...(options.artifacts ? { artifacts: options.artifacts } : {}),
    ...(options.formats ? { formats: options.formats } : {}),
  });
  if (!result.ok) return report(result.diagnostics, input.name, locale, options, io, EXIT.invalid);
  const written: Array<{ file: string; bytes: number }> = [];
  for (const output of result.value.outputs) {
    const target = join(options.out, output.fileName);
    await io.writeText(target, output.data);
    written.push({ file: target, bytes: output.data.length });
    if (options.reporter === 'text')
      io.stderr(`wrote ${target} (${Math.max(1, Math.round(output.data.length / 1024))} KB)\n`);
  }
  if (options.emitMermaid) {
    for (const diagram of result.value.diagramSources) {
      const target = join(options.out, diagram.fileName);
      const data = new TextEncoder().encode(diagram.source);
      await io.writeText(target, data);
      written.push({ file: target, bytes: data.length });
    }
    if (options.reporter === 'text')
      io.stderr(`wrote ${result.value.diagramSources.length} Mermaid source(s) to ${options.out}\n`);
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of result.value.findings) counts[f.severity]++;
  if (options.reporter === 'json') {
    io.stdout(
      `${JSON.stringify({ file: input.name, written, lint: counts, diagnostics: result.value.warnings }, null, 2)}\n`,
    );
  } else {
    if (result.value.warnings.length > 0)
      io.stderr(formatDiagnostics(result.value.warnings, { file: input.name, locale, color: io.color }));
    if (counts.error + counts.warning > 0) io.stderr(`lint: ${summarize(counts, locale)} (stratdoc lint ${file})\n`);
  }
  return EXIT.ok;
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

function report(
  diagnostics: readonly Diagnostic[],
  file: string,
  locale: Locale,
  options: ReportOptions,
  io: CliIo,
  code: number,
): number {
  if (options.reporter === 'json')
    io.stdout(`${JSON.stringify({ file, valid: !hasErrors(diagnostics), diagnostics }, null, 2)}\n`);
  else io.stderr(formatDiagnostics(diagnostics, { file, locale, color: io.color }));
  return code;
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

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of: ${allowed.join(', ')}`);
}

function isParseArgsError(error: unknown): boolean {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')
  );
}
