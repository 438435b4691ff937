import type { DocTheme, ThemeColor } from '../doctree/index.js';
import type { SessionModel } from '../model/index.js';

/** The colours of documents when the session names none: a sober blue, an orange accent, clear RAG colours. */
export const DEFAULT_COLORS: Readonly<Record<ThemeColor | 'text', string>> = {
  primary: '#1F4E79',
  accent: '#D9822B',
  muted: '#5F6B7A',
  red: '#C62828',
  amber: '#E6A100',
  green: '#2E7D32',
  grey: '#9AA3AD',
  text: '#1B1F24',
};

/** The built-in font family; it covers Latin and Cyrillic, Ukrainian ґ є і ї and Russian ё ъ included. */
export const DEFAULT_FONT_FAMILY = 'Roboto';

/** Options that override the session's theme (from the API or the CLI). */
export interface ThemeOverrides {
  readonly fontFamily?: string;
  readonly fontFiles?: DocTheme['fontFiles'];
  readonly colors?: Partial<Record<ThemeColor | 'text', string>>;
  /** Logo as a data URI. */
  readonly logo?: string | null;
  readonly paper?: 'A4' | 'Letter';
  /** Page margins as in CSS, e.g. `20mm 18mm`. */
  readonly margins?: string;
}

/** What templates see of the theme, as `theme` next to the view: page setup, colours, logo, organisation. */
export interface TemplateTheme {
  readonly paper: 'A4' | 'Letter';
  readonly margins: string;
  readonly fontFamily: string;
  readonly colors: DocTheme['colors'];
  readonly logo: string | null;
  readonly organisation: string;
}

/** The theme of the templates, from the same sources as the document theme. */
export function templateTheme(model: SessionModel, doc: DocTheme, overrides: ThemeOverrides = {}): TemplateTheme {
  return {
    paper: overrides.paper ?? model.theme.paper,
    margins: overrides.margins ?? model.theme.margins,
    fontFamily: doc.fontFamily,
    colors: doc.colors,
    logo: doc.logo,
    organisation: doc.organisation,
  };
}

/** The document theme: built-in defaults, then the session's `theme`, then the caller's overrides. */
export function resolveTheme(model: SessionModel, overrides: ThemeOverrides = {}): DocTheme {
  const t = model.theme;
  return {
    fontFamily: overrides.fontFamily ?? t.fontFamily ?? DEFAULT_FONT_FAMILY,
    fontFiles: overrides.fontFiles ?? t.fontFiles ?? {},
    colors: {
      ...DEFAULT_COLORS,
      ...(t.primaryColor ? { primary: t.primaryColor } : {}),
      ...(t.accentColor ? { accent: t.accentColor } : {}),
      ...t.ragColors,
      ...overrides.colors,
    },
    logo: overrides.logo ?? null,
    organisation: model.session.organisation,
  };
}
