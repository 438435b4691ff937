export {
  type DocumentLayout,
  type LayoutOptions,
  layoutDocument,
  MIN_FIT_SCALE,
  type SectionLayout,
} from './layout/layout-document.js';
export type { Atom, Box, PageLayout, TextBox } from './layout/types.js';
export { fontBookFor, type PdfOptions, type PdfResult, writePdf } from './write-pdf.js';
export { createFontBook, type FontBook } from './fonts.js';
export { tableColumnWidths } from './layout/blocks.js';
export { blockContextFor } from './layout/layout-document.js';
export {
  artKey,
  BlockLayoutCache,
  blockFacts,
  identity,
  type LaidOutSection,
  SectionLayoutCache,
  type SectionPage,
} from './layout/section-cache.js';
