export { COLLECTION_KINDS, type Collection, checkReferences } from './check-references.js';
export { detectFormat, type ParsedSource, parseSessionText, type SourceFormat } from './parse-text.js';
export { sniffLocale, type ValidateOptions, validateSession, validateSessionText } from './validate-session.js';
