import type { Locale } from './index.js';

/** The four spheres of an open city session (seed 001), named in each language. */
export const DEFAULT_SPHERE_NAMES: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  governance: { en: 'Governance', ru: 'Управление', uk: 'Врядування' },
  economy: { en: 'Economy', ru: 'Экономика', uk: 'Економіка' },
  social: { en: 'Social and cultural life', ru: 'Социально-культурная сфера', uk: 'Соціально-культурна сфера' },
  infrastructure: { en: 'Infrastructure', ru: 'Инфраструктура', uk: 'Інфраструктура' },
};

/** Ids of the default spheres. */
export const DEFAULT_SPHERE_IDS: readonly string[] = Object.keys(DEFAULT_SPHERE_NAMES);
