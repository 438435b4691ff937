export * from './diff.js';
export { type CheckedDiff, checkDiff, type DiffOptions, diffSessions } from './diff-sessions.js';
export { composeDiff, type DiffView, type StatusCell } from './view.js';
export { type DiffDocument, renderDiffReport } from './render.js';
export { diffText } from './text.js';
