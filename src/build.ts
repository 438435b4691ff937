import type { Diagnostic } from './diagnostics/diagnostic.js';
import { nodeEnv } from './env/index.js';
import type { Finding } from './lint/index.js';
import { type BuildOptions, type BuildOutput, buildDocuments, type DiagramSource } from './pipeline.js';

/** Options of `build`: those of `buildDocuments`, plus where its environment reads from. */
export interface BuildApiOptions extends BuildOptions {
  /** Folder the session's relative paths (logo, font files) are read from; default: the current folder. */
  readonly baseDir?: string;
  /** Folders of templates that replace built-in ones of the same name, first wins. */
  readonly templatesDir?: string | readonly string[];
  /** Folder of the diagram cache; none by default. */
  readonly cacheDir?: string | null;
  /** With `lintErrorsFail`, a session with lint errors is not built (`stratdoc build --strict`). */
  readonly lintErrorsFail?: boolean;
}

/** What `build` gives: the files to write, and everything said about the session on the way. */
export interface BuildReport {
  /** False when the session is invalid, a template fails, or (with `lintErrorsFail`) lint found errors. */
  readonly ok: boolean;
  /** The documents, named `<artifact>.<ext>`; empty when not ok. */
  readonly files: readonly BuildOutput[];
  /** Each diagram's Mermaid source, for `--emit-mermaid`. */
  readonly diagramSources: readonly DiagramSource[];
  /** Errors (when not ok) and warnings. */
  readonly diagnostics: readonly Diagnostic[];
  /** The five-principle findings. */
  readonly findings: readonly Finding[];
}

/**
 * Builds the documents of a session — given as JSON or YAML text, or as data — on Node, without touching
 * the disk but to read templates, fonts, the logo and the diagram cache. Write the files with `writeFiles`.
 *
 * ```ts
 * const report = await build(readFileSync('session.yaml', 'utf8'), { artifacts: ['decisions'], formats: ['pdf'] });
 * if (report.ok) await writeFiles(report.files, 'out');
 * ```
 */
export async function build(input: unknown, options: BuildApiOptions = {}): Promise<BuildReport> {
  const { baseDir, templatesDir, cacheDir, lintErrorsFail, ...rest } = options;
  const env = nodeEnv({
    ...(baseDir !== undefined ? { baseDir } : {}),
    ...(templatesDir !== undefined ? { templatesDir } : {}),
    cacheDir: cacheDir ?? null,
    diagrams: rest.diagrams !== 'off',
  });
  return buildWith(input, env, { ...rest, ...(lintErrorsFail ? { lintErrorsFail } : {}) });
}

/** `build` in a given environment (the CLI's, or one reading templates from memory). */
export async function buildWith(
  input: unknown,
  env: Parameters<typeof buildDocuments>[1],
  options: BuildOptions & { readonly lintErrorsFail?: boolean } = {},
): Promise<BuildReport> {
  const none = { files: [], diagramSources: [] } as const;
  const result = await buildDocuments(input, env, {
    ...options,
    ...(options.lintErrorsFail ? { stopOnLintErrors: true } : {}),
  });
  if (!result.ok) return { ok: false, ...none, diagnostics: result.diagnostics, findings: [] };
  const { outputs, diagramSources, findings, warnings } = result.value;
  if (options.lintErrorsFail && findings.some((f) => f.severity === 'error'))
    return { ok: false, ...none, diagnostics: warnings, findings };
  return { ok: true, files: outputs, diagramSources, diagnostics: warnings, findings };
}
