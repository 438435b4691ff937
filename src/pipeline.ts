import { createHash } from 'node:crypto';
import {
  ARTIFACT_IDS,
  type ArtifactId,
  COMPOSERS,
  type Composed,
  type ComposedFile,
  type Composer,
  type NetworkBuildOptions,
  notApplicable,
  resolveTheme,
  templateTheme,
  type ThemeOverrides,
} from './compose/index.js';
import {
  type DiagramOutputs,
  type DiagramTheme,
  keptCache,
  mermaidConfig,
  type RenderedDiagram,
  renderDiagrams,
  toMermaid,
} from './diagrams/index.js';
import type { Diagnostic, Result } from './diagnostics/diagnostic.js';
import { assembleDocuments, type Block, type DiagramArt, type DiagramSet, type DocTree } from './doctree/index.js';
import type { Env, TemplateSource } from './env/index.js';
import type { Finding } from './lint/index.js';
import type { SessionModel } from './model/index.js';
import { createTemplateRenderer, MarkupTrees, renderDocument, type TemplateRenderer } from './render/index.js';
import type { PosterOptions } from './schema/index.js';
import { type DocxKeptBlock, type DocxPackageParts, SameBlocks, writeDocx } from './writers/docx/index.js';
import { writeHtml } from './writers/html/index.js';
import { artKey, BlockLayoutCache, type DocumentLayout, SectionLayoutCache, writePdf } from './writers/pdf/index.js';

import { type CheckOptions, checkSession } from './check.js';
import { UsageCache } from './usage-cache.js';

export { type CheckedSession, type CheckOptions, checkSession } from './check.js';

/** Output formats. */
export type OutputFormat = 'html' | 'pdf' | 'docx';

/**
 * Formats of the files a build yields: the document formats, and `ics` for the calendar the follow-up writes
 * beside its documents whatever formats are asked for.
 */
export type FileFormat = OutputFormat | 'ics';

/** Formats this version can write. */
export const AVAILABLE_FORMATS: readonly OutputFormat[] = ['html', 'pdf', 'docx'];

/** Formats written when none are asked for. */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['pdf', 'docx', 'html'];

/** Options of `buildDocuments`. */
export interface BuildOptions extends CheckOptions {
  /** Artifacts to build; defaults to every available one. */
  readonly artifacts?: readonly ArtifactId[];
  /** Formats to write; defaults to every available one. */
  readonly formats?: readonly OutputFormat[];
  /** Theme settings that override the session's `theme`. */
  readonly theme?: ThemeOverrides;
  /** Poster settings that override the session's `poster` (paper size, one poster per unit). */
  readonly poster?: Partial<Pick<PosterOptions, 'size' | 'orientation' | 'perUnit'>>;
  /** Options of the dynamic-network artifacts: the seed of the group rotation (as `stratdoc groups --seed`). */
  readonly network?: NetworkBuildOptions;
  /** Also one document per participant (`protocols-<id>`), besides the merged one (`stratdoc build --split`). */
  readonly split?: boolean;
  /** Draw diagrams when a browser is there (`auto`, the default), never (`off`), or fail without one (`required`). */
  readonly diagrams?: 'auto' | 'off' | 'required';
  /** Build nothing when lint finds errors: the result then has no outputs (`stratdoc build --strict`). */
  readonly stopOnLintErrors?: boolean;
  /**
   * An earlier snapshot of the same session (text or data, like `input`): the status report then lists the
   * control points whose status changed since (`stratdoc build --previous FILE`).
   */
  readonly previous?: unknown;
  /** The earlier snapshot's file name, for its diagnostics. */
  readonly previousFileName?: string;
  /**
   * Documents written by earlier builds, by their content: a document whose DocTree and diagrams have not
   * changed is not written again (`stratdoc build --watch`). The build leaves in it what it wrote.
   */
  readonly memo?: Map<string, MemoEntry>;
  /** Called with each PDF's DocTree and layout, for tools that inspect the pages (overflow checks). */
  readonly onLayout?: (fileName: string, doc: DocTree, layout: DocumentLayout) => void;
  /** Called after each document is written, in order: for progress lines. */
  readonly onProgress?: (event: BuildProgress) => void;
  /** Seconds since 1970 that stamp generated files such as `calendar.ics` (SOURCE_DATE_EPOCH); default: the session's first day. */
  readonly sourceDateEpoch?: number;
}

/** A document kept from an earlier build. */
export interface MemoEntry {
  readonly data: Uint8Array;
  /** The same bytes in the chunks they were made in, when they were (a DOCX's zip entries). */
  readonly chunks?: readonly Uint8Array[];
  readonly pages: number | null;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Work a build shares among its documents and a watch keeps between builds: rendered DocTrees, laid-out
 * sections, drawn diagrams, and the template renderer while its files stay the same.
 */
interface BuildCaches {
  readonly sections: SectionLayoutCache;
  /** Sections' top-level blocks laid out (a watch's only: a changed section lays out its changed blocks alone). */
  readonly blocks: BlockLayoutCache | null;
  /** Sections' top-level blocks converted from markup, by their markup (a watch's only). */
  readonly markupBlocks: UsageCache<Block> | null;
  /** The last markups parsed from each template, with their trees (a watch's only). */
  readonly markupTrees: MarkupTrees | null;
  /** Sections' top-level blocks as DOCX XML (a watch's only). */
  readonly docxBlocks: UsageCache<DocxKeptBlock> | null;
  /** DOCX packages' parts around the body, by what they depend on (a watch's only). */
  readonly docxPackages: UsageCache<DocxPackageParts> | null;
  /**
   * Compressed PDF page contents and DOCX part pieces by their text (a watch's only: what reads the same is not
   * compressed again).
   */
  readonly streams: UsageCache<Uint8Array> | null;
  /** Render results by template, view and render context. */
  readonly renders: UsageCache<Result<DocTree>>;
  /** Each unit's view as JSON in the last build, and its digest (a watch's only). */
  readonly viewJson: UsageCache<{ readonly json: string; readonly digest: string }> | null;
  /** Diagrams read from the cache or drawn, by their cache key and the forms asked for. */
  readonly diagrams: UsageCache<RenderedDiagram>;
  /** The renderer of the last build, with every template file it read (null when missing). */
  templates: {
    readonly language: string;
    readonly files: Map<string, string | null>;
    readonly renderer: Result<TemplateRenderer>;
  } | null;
}

/** Caches for one build know sections by identity; a watch's by content, to reuse them in new DocTrees. */
const newCaches = (watch: boolean): BuildCaches => ({
  sections: new SectionLayoutCache(watch),
  blocks: watch ? new BlockLayoutCache() : null,
  docxBlocks: watch ? new UsageCache() : null,
  docxPackages: watch ? new UsageCache() : null,
  markupBlocks: watch ? new UsageCache() : null,
  markupTrees: watch ? new MarkupTrees() : null,
  streams: watch ? new UsageCache() : null,
  renders: new UsageCache(),
  viewJson: watch ? new UsageCache() : null,
  diagrams: new UsageCache(),
  templates: null,
});

const memoCaches = new WeakMap<Map<string, MemoEntry>, BuildCaches>();

/** The caches that go with a memo: kept as long as the memo is, and pruned as it is. */
function cachesOf(memo: Map<string, MemoEntry>): BuildCaches {
  let caches = memoCaches.get(memo);
  if (!caches) {
    caches = newCaches(true);
    memoCaches.set(memo, caches);
  }
  return caches;
}

/**
 * The template renderer for `language`: the last build's when every template file it read reads the same
 * (its compiled templates and rendered documents still hold), else a new one, and the renders are dropped.
 */
function templateRenderer(env: Env, language: string, caches: BuildCaches): Result<TemplateRenderer> {
  const last = caches.templates;
  if (
    last?.language === language &&
    [...last.files].every(
      ([path, text]) =>
        (path.startsWith('\0all\0')
          ? JSON.stringify(env.templates.readAll(path.slice(5)).map((f) => f.text))
          : (env.templates.read(path)?.text ?? null)) === text,
    )
  ) {
    if (last.renderer.ok) last.renderer.value.beginBuild?.();
    return last.renderer;
  }
  const files = new Map<string, string | null>();
  const source: TemplateSource = {
    read(path) {
      const file = env.templates.read(path);
      files.set(path, file?.text ?? null);
      return file;
    },
    readAll(path) {
      const all = env.templates.readAll(path);
      files.set(`\0all\0${path}`, JSON.stringify(all.map((f) => f.text)));
      return all;
    },
  };
  // A watch's renderer keeps the text of `memo` blocks from build to build.
  const renderer = createTemplateRenderer(source, language, { memo: caches.markupBlocks !== null });
  caches.renders.clear();
  caches.templates = { language, files, renderer };
  return renderer;
}

/**
 * A key for work kept in memory by what it was made from (views run to megabytes of JSON): SHA-1, several
 * times faster than SHA-256 here, and these keys never leave the process.
 */
const digest = (text: string) => createHash('sha1').update(text).digest('base64');

/** One document written, as reported to `onProgress`. */
export interface BuildProgress {
  readonly artifact: ArtifactId;
  readonly fileName: string;
  readonly format: FileFormat;
  /** Pages of the PDF (for DOCX, of the same document laid out as PDF when known); null for HTML. */
  readonly pages: number | null;
  readonly bytes: number;
  /** Time spent writing this file, in milliseconds. */
  readonly ms: number;
  /** Taken unchanged from an earlier build (`memo`). */
  readonly reused: boolean;
}

/** One written document. */
export interface BuildOutput {
  readonly artifact: ArtifactId;
  readonly format: FileFormat;
  /**
   * `<artifact-id>.<ext>`, or `<artifact-id>-<variant>.<ext>` for a variant such as a unit's poster; a file an
   * artifact writes beside its documents has a name of its own (`calendar.ics`).
   */
  readonly fileName: string;
  /** The file's bytes; a DOCX's are joined from `chunks` when first read. */
  readonly data: Uint8Array;
  /**
   * The same bytes in the chunks they were made in, when they were (a DOCX's zip entries, most of them unchanged
   * from a watch's last build): `writeFiles` writes them as they are, without joining them first.
   */
  readonly chunks?: readonly Uint8Array[];
  /** Pages as laid out by the PDF engine (PDF, and DOCX built alongside a PDF); null when not known. */
  readonly pages: number | null;
}

/** `fields` with `data` read from `bytes` (joined from chunks only when read), and the chunks when there are. */
function withBytes<T extends object>(
  fields: T,
  bytes: { readonly data: Uint8Array; readonly chunks?: readonly Uint8Array[] },
): T & { readonly data: Uint8Array; readonly chunks?: readonly Uint8Array[] } {
  const out = { ...fields, ...(bytes.chunks ? { chunks: bytes.chunks } : {}) };
  return Object.defineProperty(out, 'data', { enumerable: true, get: () => bytes.data }) as T & {
    readonly data: Uint8Array;
  };
}

/** The length of bytes that may be in chunks, without joining them. */
export const byteLength = (bytes: { readonly data: Uint8Array; readonly chunks?: readonly Uint8Array[] }) =>
  bytes.chunks ? bytes.chunks.reduce((sum, c) => sum + c.length, 0) : bytes.data.length;

/** The Mermaid source of one diagram, as drawn (or as it would be drawn) in an artifact. */
export interface DiagramSource {
  readonly artifact: ArtifactId;
  /** The diagram's id within the artifact. */
  readonly id: string;
  /** `<artifact-id>.<diagram-id>.mmd`. */
  readonly fileName: string;
  readonly source: string;
}

/** What a build yields: the documents, the lint findings still open, and warnings. */
export interface BuildResult {
  readonly outputs: readonly BuildOutput[];
  /**
   * Every diagram's Mermaid source with its configuration as front matter, whether or not it was drawn
   * (`stratdoc build --emit-mermaid`).
   */
  readonly diagramSources: readonly DiagramSource[];
  readonly findings: readonly Finding[];
  readonly warnings: readonly Diagnostic[];
}

/** A view to render through a template, with its diagrams' Mermaid sources. */
interface Unit {
  /** Unique in the build; prefixes the unit's diagram ids. */
  readonly key: string;
  readonly template: string;
  readonly view: unknown;
  readonly sources: ReadonlyArray<{ id: string; source: string }>;
}

/** One document to write: a unit, or (the pack) a head, the parts it carries and an appendix. */
interface Planned {
  readonly artifact: ArtifactId;
  /** File name without the extension. */
  readonly base: string;
  readonly head: Unit;
  readonly parts: ReadonlyArray<{ artifact: ArtifactId; unit: Unit }>;
  readonly tail: Unit | null;
  /** Files written beside the documents (`calendar.ics`). */
  readonly files: readonly ComposedFile[];
}

/** How the previous snapshot is checked: in the build's language, under its own file name. */
function previousOptions(options: BuildOptions): CheckOptions {
  return {
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.previousFileName ? { fileName: options.previousFileName } : {}),
  };
}

/**
 * The whole pipeline: check the session (parse → validate → model → lint), then per artifact compose its
 * view, render its template to a DocTree, and write each format. Nothing is written to disk here: the
 * caller decides where the bytes go.
 */
export async function buildDocuments(
  input: unknown,
  env: Env,
  options: BuildOptions = {},
): Promise<Result<BuildResult>> {
  const checked = checkSession(input, options);
  if (!checked.ok) return checked;
  const { findings } = checked.value;
  if (options.stopOnLintErrors && findings.some((f) => f.severity === 'error')) {
    const { warnings } = checked.value;
    return { ok: true, value: { outputs: [], diagramSources: [], findings, warnings }, warnings };
  }
  const model: SessionModel = options.poster
    ? { ...checked.value.model, poster: { ...checked.value.model.poster, ...options.poster } }
    : checked.value.model;
  const diagnostics: Diagnostic[] = [];
  const previous =
    options.previous === undefined ? undefined : checkSession(options.previous, previousOptions(options));
  if (previous && !previous.ok)
    return {
      ok: false,
      diagnostics: previous.diagnostics.map((d) => ({ ...d, message: `The previous snapshot: ${d.message}` })),
    };
  const available = ARTIFACT_IDS.filter((id) => COMPOSERS[id]);
  // Without a list, every artifact the session can have; one asked for that it cannot have is an error.
  const artifacts = options.artifacts ?? available.filter((id) => notApplicable(id, model) === null);
  const formats = options.formats ?? DEFAULT_FORMATS;
  for (const id of artifacts) {
    if (!COMPOSERS[id]) diagnostics.push(unavailable('artifact', id, available));
    else {
      const reason = notApplicable(id, model);
      if (reason)
        diagnostics.push({
          code: 'build/artifact-not-applicable',
          severity: 'error',
          path: [],
          message: `The artifact "${id}" cannot be built: ${reason}.`,
          hint: 'Add what it needs to the session, or leave it out of --artifacts.',
        });
    }
  }
  for (const format of formats) {
    if (!AVAILABLE_FORMATS.includes(format)) diagnostics.push(unavailable('format', format, AVAILABLE_FORMATS));
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  const language = model.session.locale;
  // Work shared by this build's documents and, in a watch, kept for the next build.
  const caches = options.memo ? cachesOf(options.memo) : newCaches(false);
  const renderer = templateRenderer(env, language, caches);
  if (!renderer.ok) return renderer;
  const warnings: Diagnostic[] = [...checked.value.warnings, ...renderer.warnings];
  const logo = loadLogo(model.session.logo, env, warnings);
  const overrides = { ...options.theme, ...(logo ? { logo } : {}) };
  const theme = resolveTheme(model, overrides);
  const forTemplates = templateTheme(model, theme, overrides);
  const outputs: BuildOutput[] = [];
  const diagramSources: DiagramSource[] = [];
  const diagramTheme = { fontFamily: theme.fontFamily, colors: theme.colors };
  // An emitted source carries its configuration as front matter, so `mmdc -i` draws it as the documents do.
  const frontMatter = `---\nconfig: ${JSON.stringify(mermaidConfig(diagramTheme))}\n---\n`;
  const standalone = (source: string) => `${frontMatter}${source.endsWith('\n') ? source : `${source}\n`}`;
  const unit = (key: string, template: string, view: unknown, specs: Composed['diagrams']): Unit => ({
    key,
    template,
    view,
    sources: specs.map((spec) => ({ id: spec.id, source: toMermaid(spec, diagramTheme) })),
  });
  /**
   * Compositions that hold in and out of the pack: the composer never asked which (most artifacts read the same
   * in the pack), so the pack's part is the document's own view, composed and rendered once.
   */
  const eitherWay = new Map<ArtifactId, Composed>();
  const compose = (id: ArtifactId, inPack: boolean) => {
    const known = eitherWay.get(id);
    if (known) return known;
    let asked = false;
    const composed = (COMPOSERS[id] as Composer)(model, {
      findings,
      get inPack() {
        asked = true;
        return inPack;
      },
      ...(options.network ? { network: options.network } : {}),
      ...(options.split ? { split: options.split } : {}),
      ...(previous?.ok ? { previous: previous.value.model } : {}),
      ...(options.sourceDateEpoch !== undefined ? { sourceDateEpoch: options.sourceDateEpoch } : {}),
    });
    for (const d of composed.diagnostics ?? []) (d.severity === 'error' ? diagnostics : warnings).push(d);
    if (!asked) eitherWay.set(id, composed);
    return composed;
  };
  const planned: Planned[] = [];
  for (const id of artifacts) {
    const c = compose(id, false);
    if (c.diagnostics?.some((d) => d.severity === 'error')) continue;
    const head = unit(id, id, c.view, c.diagrams);
    for (const { id: diagram, source } of head.sources)
      diagramSources.push({ artifact: id, id: diagram, fileName: `${id}.${diagram}.mmd`, source: standalone(source) });
    const parts = (c.parts ?? [])
      .filter((part) => COMPOSERS[part] && part !== id && notApplicable(part, model) === null)
      .map((part) => {
        const p = compose(part, true);
        return { artifact: part, unit: unit(`${id}:${part}`, part, p.view, p.diagrams) };
      });
    const tail = c.parts ? unit(`${id}:appendix`, `${id}-appendix`, c.view, []) : null;
    planned.push({ artifact: id, base: id, head, parts, tail, files: c.files ?? [] });
    for (const v of c.variants ?? []) {
      const base = `${id}-${v.suffix}`;
      planned.push({
        artifact: id,
        base,
        head: unit(base, id, v.view, v.diagrams),
        parts: [],
        tail: null,
        files: [],
      });
    }
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  // Every document's diagrams in one go: one browser per build at most, each drawing only in the forms the
  // requested formats need (HTML alone needs only the SVG).
  const units = planned.flatMap((p) => [p.head, ...p.parts.map((part) => part.unit)]);
  const drawn = await drawDiagrams(
    units.flatMap(({ key, sources }) => sources.map((d) => ({ id: `${key}/${d.id}`, source: d.source }))),
    diagramTheme,
    env,
    options.diagrams ?? 'auto',
    { drawing: formats.includes('pdf'), png: formats.includes('docx') },
    caches.diagrams,
  );
  if ('error' in drawn) return { ok: false, diagnostics: [drawn.error] };
  if (drawn.warning) warnings.push(drawn.warning);
  /** A unit's drawn diagrams, by their id in the unit, under `prefix`. */
  const diagramsOf = (u: Unit, prefix = ''): Array<readonly [string, DiagramArt]> =>
    u.sources.flatMap(({ id: d }) => {
      const art = drawn.set.get(`${u.key}/${d}`);
      return art ? [[`${prefix}${d}`, art] as const] : [];
    });
  const context = {
    renderer: renderer.value,
    theme,
    templateTheme: forTemplates,
    date: model.session.date,
    defaultTitle: model.session.title,
    ...(caches.markupBlocks ? { blocks: caches.markupBlocks } : {}),
    ...(caches.markupTrees ? { trees: caches.markupTrees } : {}),
  };
  // A view renders to the same DocTree wherever it is used (an artifact and its part of the pack) and from
  // build to build while it does not change: rendered once, keyed by template, view and context.
  const contextKey = JSON.stringify([theme, forTemplates, context.date, context.defaultTitle]);
  const renderKeys = new Map<Unit, string>();
  /** Views' JSON digests, by view: the pack's parts are mostly the documents' own views. */
  const viewDigests = new Map<unknown, string>();
  const render = (u: Unit) => {
    let view = viewDigests.get(u.view);
    if (view === undefined) {
      const json = JSON.stringify(u.view);
      // A watch compares the JSON with the unit's last (a native comparison) before hashing megabytes of it.
      const last = caches.viewJson?.get(u.key);
      view = last?.json === json ? last.digest : digest(json);
      caches.viewJson?.set(u.key, { json, digest: view });
      viewDigests.set(u.view, view);
    }
    const key = digest(`${u.template}\0${view}\0${contextKey}`);
    renderKeys.set(u, key);
    let result = caches.renders.get(key);
    if (!result) {
      result = renderDocument(u.template, u.view, context);
      caches.renders.set(key, result);
    }
    return result;
  };
  const used = new Set<string>();
  /** The last document that carries others' sections (the pack), or -1. */
  const lastCarrier = planned.reduce((last, p, i) => (p.parts.length > 0 ? i : last), -1);
  // A one-off build keeps the DOCX XML of blocks, by the block, for the document that carries them (a watch keeps
  // them by content instead): the pack writes its parts' blocks that have nothing to prefix as its parts did.
  let sameBlocks: SameBlocks | null = caches.docxBlocks || lastCarrier < 0 ? null : new SameBlocks();
  for (const [planIndex, plan] of planned.entries()) {
    const units = [plan.head, ...plan.parts.map((p) => p.unit), ...(plan.tail ? [plan.tail] : [])];
    const rendered = units.map(render);
    const failed = rendered.flatMap((r) => (r.ok ? [] : r.diagnostics));
    if (failed.length > 0) {
      diagnostics.push(...failed);
      continue;
    }
    const docs = rendered.map((r) => (r.ok ? r.value : (undefined as never)));
    for (const r of rendered) if (r.ok) warnings.push(...r.warnings);
    const [headDoc] = docs as [DocTree];
    const doc =
      plan.parts.length === 0 && !plan.tail
        ? headDoc
        : assembleDocuments(
            headDoc,
            plan.parts.map((p, i) => ({ name: p.artifact, doc: docs[i + 1] as DocTree })),
            plan.tail ? (docs[docs.length - 1] as DocTree) : null,
          );
    const diagrams: DiagramSet = new Map([
      ...diagramsOf(plan.head),
      ...plan.parts.flatMap((p) => diagramsOf(p.unit, `${p.artifact}/`)),
    ]);
    let pages: number | null = null;
    let laidOut: DocumentLayout | undefined;
    const before = warnings.length;
    const memo = options.memo;
    // What the document's bytes depend on: its views as rendered, how they are put together, its diagrams.
    const docKey = memo
      ? digest(
          JSON.stringify([
            units.map((u) => renderKeys.get(u)),
            plan.parts.map((p) => p.artifact),
            plan.tail !== null,
            [...diagrams].map(([id, art]) => [id, artKey(art)]),
          ]),
        )
      : '';
    for (const format of formats) {
      const started = performance.now();
      let data: { readonly data: Uint8Array; readonly chunks?: readonly Uint8Array[] };
      const kept = memo?.get(`${format}:${docKey}`);
      used.add(`${format}:${docKey}`);
      if (kept) {
        data = kept;
        if (kept.pages !== null) pages = kept.pages;
        warnings.push(
          ...kept.diagnostics.filter((d) => !warnings.some((w) => w.code === d.code && w.message === d.message)),
        );
      } else if (format === 'pdf') {
        const pdf = await writePdf(doc, env, {
          diagrams,
          sections: caches.sections,
          ...(caches.blocks ? { blocks: caches.blocks } : {}),
          ...(caches.streams ? { streams: caches.streams } : {}),
        });
        warnings.push(...pdf.diagnostics);
        data = { data: pdf.bytes };
        pages = pdf.layout.pages.length;
        // The DOCX needs where headings fell and each section's scale, not the pages' boxes.
        laidOut = { ...pdf.layout, pages: [] };
        // A one-off build keeps laid-out sections for a later document that carries them (the pack); from the
        // last such document on, they can go as soon as a document is laid out. A watch keeps them for the next build.
        if (!memo && planIndex >= lastCarrier) caches.sections.clear();
        options.onLayout?.(`${plan.base}.pdf`, doc, pdf.layout);
      } else if (format === 'docx') {
        const docx = await writeDocx(doc, env, {
          diagrams,
          ...(laidOut ? { layout: laidOut } : {}),
          ...(caches.streams ? { pieces: caches.streams } : {}),
          ...(caches.docxBlocks ? { blockXml: caches.docxBlocks } : sameBlocks ? { blockXml: sameBlocks } : {}),
          ...(caches.docxPackages ? { packages: caches.docxPackages } : {}),
        });
        warnings.push(
          ...docx.diagnostics.filter((d) => !warnings.some((w) => w.code === d.code && w.message === d.message)),
        );
        if (planIndex >= lastCarrier) sameBlocks = null;
        data = {
          get data() {
            return docx.bytes;
          },
          chunks: docx.chunks,
        };
      } else data = { data: new TextEncoder().encode(writeHtml(doc, { diagrams })) };
      const fileName = `${plan.base}.${format}`;
      const known = format === 'html' ? null : pages;
      if (memo && !kept)
        memo.set(
          `${format}:${docKey}`,
          withBytes({ pages: format === 'pdf' ? pages : null, diagnostics: warnings.slice(before) }, data),
        );
      outputs.push(withBytes({ artifact: plan.artifact, format, fileName, pages: known }, data));
      options.onProgress?.({
        artifact: plan.artifact,
        fileName,
        format,
        pages: known,
        bytes: byteLength(data),
        ms: performance.now() - started,
        reused: kept !== undefined,
      });
    }
    // A writer's error (a one-page document that cannot fit) fails the build: nothing half-right is written.
    const errors = warnings.splice(before).filter((w) => {
      if (w.severity !== 'error') warnings.push(w);
      return w.severity === 'error';
    });
    if (errors.length > 0) {
      diagnostics.push(...errors.filter((e, i) => errors.findIndex((o) => o.message === e.message) === i));
      outputs.splice(outputs.length - formats.length, formats.length);
      continue;
    }
    // Files beside the documents, with the labels of the session's language (a missing one reads as its key).
    const label = (key: string, params?: Readonly<Record<string, unknown>>) => renderer.value.label(key, params) ?? key;
    for (const file of plan.files) {
      const started = performance.now();
      const data = new TextEncoder().encode(file.text(label));
      outputs.push({ artifact: plan.artifact, format: file.format, fileName: file.fileName, data, pages: null });
      options.onProgress?.({
        artifact: plan.artifact,
        fileName: file.fileName,
        format: file.format,
        pages: null,
        bytes: data.length,
        ms: performance.now() - started,
        reused: false,
      });
    }
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  // The memo keeps this build's documents only, so a long watch does not grow without end.
  if (options.memo) {
    for (const key of options.memo.keys()) if (!used.has(key)) options.memo.delete(key);
    caches.sections.prune();
    caches.blocks?.prune();
    caches.docxBlocks?.prune();
    caches.docxPackages?.prune();
    caches.markupBlocks?.prune();
    caches.renders.prune();
    caches.viewJson?.prune();
    caches.diagrams.prune();
    caches.streams?.prune();
  }
  return { ok: true, value: { outputs, diagramSources, findings, warnings }, warnings };
}

/**
 * Draws an artifact's diagrams (cache first, then the browser). Without a browser the documents show each
 * diagram's fallback content, with one warning — or an error when diagrams are required.
 */
async function drawDiagrams(
  sources: ReadonlyArray<{ id: string; source: string }>,
  diagramTheme: DiagramTheme,
  env: Env,
  mode: 'auto' | 'off' | 'required',
  outputs: DiagramOutputs,
  kept: UsageCache<RenderedDiagram>,
): Promise<{ set: DiagramSet; warning?: Diagnostic } | { error: Diagnostic }> {
  if (sources.length === 0 || mode === 'off') return { set: new Map() };
  const set = await renderDiagrams(
    sources,
    mermaidConfig(diagramTheme),
    env.diagrams?.renderer ?? null,
    keptCache(env.diagrams?.cache ?? null, kept),
    outputs,
  );
  if (set.failed) {
    const failure: Diagnostic = {
      code: 'diagrams/render-failed',
      severity: mode === 'required' ? 'error' : 'warning',
      path: [],
      message: `The diagram "${set.failed[0]?.id}" could not be drawn: ${set.failed[0]?.message}`,
      hint: 'The documents show its content as text instead; please report the session that caused it.',
    };
    if (mode === 'required') return { error: failure };
    if (!set.missing) return { set, warning: failure };
  }
  if (!set.missing) return { set };
  const problem: Diagnostic = {
    code: 'diagrams/no-browser',
    severity: mode === 'required' ? 'error' : 'warning',
    path: [],
    message: `No browser to draw ${set.missing.length} diagram(s) (${set.missing.join(', ')}); the documents show their content as lists and tables instead.`,
    hint: 'Install Chromium (apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium; --no-diagrams leaves them out without this warning.',
  };
  return mode === 'required' ? { error: problem } : { set, warning: problem };
}

function unavailable(what: 'artifact' | 'format', value: string, available: readonly string[]): Diagnostic {
  return {
    code: `build/${what}-unavailable`,
    severity: 'error',
    path: [],
    message: `The ${what} "${value}" is not available in this version.`,
    hint: `Available: ${available.join(', ')}.`,
  };
}

const IMAGE_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };

/** The session's logo as a data URI; a missing or unsupported file is a warning, not a failed build. */
function loadLogo(path: string | null, env: Env, warnings: Diagnostic[]): string | null {
  if (!path) return null;
  const type = IMAGE_TYPES[path.split('.').pop()?.toLowerCase() ?? ''];
  const bytes = type ? env.assets.read(path) : null;
  if (!type || !bytes) {
    warnings.push({
      code: 'build/logo-unreadable',
      severity: 'warning',
      path: ['session', 'logo'],
      message: type ? `The logo "${path}" cannot be read.` : `The logo "${path}" is not a PNG or JPEG file.`,
      hint: 'Give a PNG or JPEG path relative to the session file; the documents are built without the logo.',
    });
    return null;
  }
  return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}
