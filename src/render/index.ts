export { type Catalog, flattenCatalog, formatLabel, type Label, loadCatalog } from './catalog.js';
export { BlockMemo, createTemplateRenderer, type TemplateRenderer, templateHelpers } from './handlebars-env.js';
export {
  checkMarkupNames,
  DEFAULT_PAGE,
  MARKUP_ELEMENTS,
  type MarkupMeta,
  MarkupTrees,
  type ParsedMarkup,
  parseMarkup,
  toPoints,
} from './markup.js';
export { type RenderContext, renderDocument } from './render-document.js';
