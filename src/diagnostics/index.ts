export * from './diagnostic.js';
export { formatDiagnostics, type ReportFormat } from './format.js';
export { type EntityKind, kindName, type ValidationCode } from './messages.js';
