import { DEFAULT_COLORS, type DocTree, parseMarkup } from '../../src/index.js';

/** A DocTree from markup, with a plain meta. */
export function docOf(markup: string, language = 'en'): DocTree {
  const parsed = parseMarkup(markup, 'test');
  if (parsed.diagnostics.length > 0) throw new Error(JSON.stringify(parsed.diagnostics));
  return {
    meta: {
      title: 'Test document',
      subject: 'Layout',
      author: 'stratdoc tests',
      keywords: ['test'],
      language,
      date: '2027-01-15',
      theme: { fontFamily: 'Roboto', fontFiles: {}, colors: DEFAULT_COLORS, logo: null, organisation: 'Test' },
    },
    sections: parsed.sections,
  };
}
