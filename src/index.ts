/**
 * stratdoc — the typed outcome of a strategy session, checked against the five artifact principles
 * and turned into the documents the session must leave behind.
 */
export * from './diagnostics/index.js';
export * from './lint/index.js';
export * from './model/index.js';
export { type CheckedSession, type CheckOptions, checkSession } from './pipeline.js';
export * from './schema/index.js';
export * from './validate/index.js';
