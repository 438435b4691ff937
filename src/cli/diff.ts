import { dirname } from 'node:path';
import { checkSession } from '../check.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../diagnostics/index.js';
import { checkDiff } from '../diff/diff-sessions.js';
import { diffText } from '../diff/text.js';
import { composeDiff } from '../diff/view.js';
import { loadCatalog } from '../render/catalog.js';
import type { Locale } from '../schema/index.js';
import { sniffLocale } from '../validate/index.js';
import { EXIT, type ReportOptions, readInput, UsageError } from './common.js';
import type { CliIo } from './io.js';

export type DiffFormat = 'text' | 'json' | 'pdf' | 'docx' | 'html';

export const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'json', 'pdf', 'docx', 'html'];

export interface DiffCommandOptions extends ReportOptions {
  /** As asked for; without it, from the extension of `out`, else text. */
  readonly format: DiffFormat | undefined;
  readonly out: string | undefined;
  readonly templates: string | undefined;
  /** Exit 1 when the snapshots differ, as `git diff --exit-code`. */
  readonly exitCode: boolean;
}

const EXTENSIONS: Readonly<Record<string, DiffFormat>> = {
  txt: 'text',
  json: 'json',
  pdf: 'pdf',
  docx: 'docx',
  html: 'html',
  htm: 'html',
};

/** The format to write: asked for, or told by the output file's extension, or text for the terminal. */
export function diffFormat(format: DiffFormat | undefined, out: string | undefined): DiffFormat {
  if (format) {
    if ((format === 'pdf' || format === 'docx') && !out)
      throw new UsageError(`--format ${format} writes a file: give it with --out FILE`);
    return format;
  }
  if (!out) return 'text';
  const byExtension = EXTENSIONS[out.split('.').pop()?.toLowerCase() ?? ''];
  if (!byExtension)
    throw new UsageError(`cannot tell the format from "${out}": add --format ${DIFF_FORMATS.join('|')}`);
  return byExtension;
}

/** `stratdoc diff <old> <new>`: what changed between two snapshots of a session. */
export async function diffCommand(files: readonly string[], options: DiffCommandOptions, io: CliIo): Promise<number> {
  if (files.length !== 2) throw new UsageError('diff takes two session files: stratdoc diff <old> <new>');
  const [oldFile, newFile] = files as [string, string];
  if (oldFile === '-' && newFile === '-')
    throw new UsageError('diff can read only one of its files from standard input');
  const format = diffFormat(options.format, options.out);
  if (options.templates && !io.exists(options.templates)) {
    io.stderr(`stratdoc: the templates folder ${options.templates} does not exist.\n`);
    return EXIT.invalid;
  }
  let oldInput = await readInput(oldFile, options.locale, io);
  let newInput = await readInput(newFile, options.locale, io);
  const fallbackLocale =
    options.locale ??
    ('text' in newInput ? sniffLocale(newInput.text) : 'text' in oldInput ? sniffLocale(oldInput.text) : 'en');
  // A file that cannot be read is told so in the language of the other one.
  if (!options.locale && 'error' in oldInput) oldInput = await readInput(oldFile, fallbackLocale, io);
  if (!options.locale && 'error' in newInput) newInput = await readInput(newFile, fallbackLocale, io);
  const names = [oldFile === '-' ? '<stdin>' : oldFile, newFile === '-' ? '<stdin>' : newFile] as const;
  const unread = [oldInput, newInput].flatMap((input, i) =>
    'error' in input ? [{ ...input.error, file: names[i] as string }] : [],
  );
  if ('error' in oldInput || 'error' in newInput) {
    // The file that could be read is still checked: every problem of both is told at once.
    const checkedToo = [oldInput, newInput].flatMap((input) => {
      if ('error' in input) return [];
      const result = checkSession(input.text, {
        fileName: input.name,
        ...(options.locale ? { locale: options.locale } : {}),
      });
      return result.ok ? [] : result.diagnostics.map((d) => ({ ...d, file: d.file ?? input.name }));
    });
    return fail([...unread, ...checkedToo], names, fallbackLocale, options, io);
  }
  const checked = checkDiff(oldInput.text, newInput.text, {
    oldName: oldInput.name,
    newName: newInput.name,
    ...(options.locale ? { locale: options.locale } : {}),
  });
  if (!checked.ok) return fail(checked.diagnostics, names, fallbackLocale, options, io);
  const { diff, newModel } = checked.value;
  const locale = newModel.session.locale;
  const warnings = [...checked.warnings];
  const env = io.env({
    baseDir: newFile === '-' ? '.' : dirname(newFile),
    ...(options.templates ? { templatesDir: options.templates } : {}),
    cacheDir: null,
    diagrams: false,
  });
  const done = () => (options.exitCode && diff.changed ? EXIT.findings : EXIT.ok);
  /** Warnings beside a printed or written report go to stderr: as text, or as JSON for CI. */
  const say = (ws: readonly Diagnostic[]) => {
    if (ws.length === 0) return;
    if (options.reporter === 'json') io.stderr(`${JSON.stringify({ files: names, diagnostics: ws }, null, 2)}\n`);
    else io.stderr(formatDiagnostics(ws, { file: names[1], locale, color: io.color }));
  };

  let data: Uint8Array;
  let pages: number | null = null;
  if (format === 'json') {
    data = new TextEncoder().encode(`${JSON.stringify({ ...diff, diagnostics: warnings }, null, 2)}\n`);
  } else if (format === 'text') {
    const { catalog, diagnostics } = loadCatalog(env.templates, locale);
    if (diagnostics.some((d) => d.severity === 'error')) return fail(diagnostics, names, locale, options, io);
    data = new TextEncoder().encode(diffText(composeDiff(checked.value), catalog));
  } else {
    // The writers (fonts, pdf-lib, docx) load only when a document is asked for.
    const { renderDiffReport } = await import('../diff/render.js');
    const rendered = await renderDiffReport(checked.value, env, format);
    if (!rendered.ok) return fail(rendered.diagnostics, names, locale, options, io);
    warnings.push(...rendered.warnings);
    data = rendered.value.data;
    pages = rendered.value.pages;
  }

  if (!options.out) {
    // Printed: JSON carries its warnings inside; beside text they go to stderr.
    if (format !== 'json') say(warnings);
    io.stdout(new TextDecoder().decode(data));
    return done();
  }
  await io.writeText(options.out, data);
  if (options.reporter === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          files: names,
          written: [{ file: options.out, format, bytes: data.length, pages }],
          changed: diff.changed,
          counts: diff.counts,
          diagnostics: warnings,
        },
        null,
        2,
      )}\n`,
    );
    return done();
  }
  say(warnings);
  const pageNote = pages === null ? '' : `${pages} PDF page(s), `;
  io.stderr(`wrote ${options.out}: ${pageNote}${data.length} bytes; ${diff.counts.total} change(s)\n`);
  return done();
}

/** Reports what stopped the diff — every diagnostic naming its file — and returns exit code 2. */
function fail(
  diagnostics: readonly Diagnostic[],
  files: readonly string[],
  locale: Locale,
  options: ReportOptions,
  io: CliIo,
): number {
  if (options.reporter === 'json') io.stdout(`${JSON.stringify({ files, valid: false, diagnostics }, null, 2)}\n`);
  else io.stderr(formatDiagnostics(diagnostics, { file: files[1] as string, locale, color: io.color }));
  return EXIT.invalid;
}
