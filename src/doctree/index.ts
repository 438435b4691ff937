export * from './types.js';
export { forEachBlock, headingsOf, inlineText, withHeadingIds } from './utils.js';
export { BOX_TONES } from './tones.js';
export { assembleDocuments, type DocumentPart, type SectionOrigin, sectionOrigin } from './assemble.js';
