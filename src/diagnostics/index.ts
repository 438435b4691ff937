export * from './diagnostic.js';
export { formatCount, formatDiagnostics, type ReportFormat, validWord } from './format.js';
export { type EntityKind, kindName, type ValidationCode } from './messages.js';
