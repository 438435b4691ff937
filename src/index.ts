/**
 * stratdoc — the typed outcome of a strategy session, checked against the five artifact principles
 * and turned into the documents the session must leave behind.
 */
export * from './diagnostics/index.js';
export * from './lint/index.js';
export * from './model/index.js';
export {
  AVAILABLE_FORMATS,
  DEFAULT_FORMATS,
  type BuildOptions,
  type BuildOutput,
  type BuildProgress,
  type MemoEntry,
  type DiagramSource,
  type BuildResult,
  buildDocuments,
  type CheckedSession,
  type CheckOptions,
  checkSession,
  type FileFormat,
  type OutputFormat,
} from './pipeline.js';
export { type BuildApiOptions, type BuildReport, build, buildWith } from './build.js';
export * from './schema/index.js';
export * from './validate/index.js';
export * from './compose/index.js';
export * from './calendar/index.js';
export * from './network/index.js';
export * from './diagrams/index.js';
export * from './doctree/index.js';
export * from './env/index.js';
export * from './format/index.js';
export * from './render/index.js';
export * from './diff/index.js';
export { type DocxResult, writeDocx } from './writers/docx/index.js';
export { writeHtml } from './writers/html/index.js';
export { type DocumentLayout, layoutDocument, type PdfResult, writePdf } from './writers/pdf/index.js';
