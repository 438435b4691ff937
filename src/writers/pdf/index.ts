export { type DocumentLayout, layoutDocument, MIN_FIT_SCALE } from './layout/layout-document.js';
export type { Atom, Box, PageLayout, TextBox } from './layout/types.js';
export { type PdfResult, writePdf } from './write-pdf.js';
