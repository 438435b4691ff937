/**
 * Locale-aware formatting with Intl, shared by the view models (compose/) and the template helpers.
 * Dates are calendar dates (`YYYY-MM-DD`) and are formatted in UTC, so no time zone can shift a day.
 */

/** The Intl locale for a document language: English documents use day-month-year (en-GB). */
export function intlLocale(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}

/** Styles of date formatting. */
export type DateStyle = 'long' | 'medium' | 'short' | 'month' | 'month-short' | 'day-month' | 'weekday';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat | Intl.PluralRules>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat | Intl.PluralRules>(
  key: string,
  make: () => T,
): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  medium: { day: 'numeric', month: 'short', year: 'numeric' },
  short: { day: '2-digit', month: '2-digit', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  'month-short': { month: 'short' },
  'day-month': { day: 'numeric', month: 'long' },
  weekday: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
};

/**
 * "25 November 2026", "25 ноября 2026 г.", "25 листопада 2026 р."; `month-short` gives the month alone, as a
 * column heading under its year: "Nov", "нояб.", "лист.".
 */
export function formatDate(iso: string, locale: string, style: DateStyle = 'long'): string {
  const key = `${locale}:${style}:${iso}`;
  let text = DATES.get(key);
  if (text === undefined) {
    text = formatDateOnce(iso, locale, style);
    // The same few hundred dates come back in every document: kept, a bounded number of them.
    if (DATES.size >= DATES_KEPT) DATES.clear();
    DATES.set(key, text);
  }
  return text;
}

const DATES = new Map<string, string>();
const DATES_KEPT = 20_000;

function formatDateOnce(iso: string, locale: string, style: DateStyle): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1)));
  const options =
    m[3] === undefined && style !== 'month' && style !== 'month-short' ? DATE_OPTIONS.month : DATE_OPTIONS[style];
  return cached(
    `d:${locale}:${style}:${m[3] === undefined}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: 'UTC' }),
  ).format(date);
}

/** A number with the locale's grouping and decimal separator: "1,234.5", "1 234,5". */
export function formatNumber(value: number, locale: string, maximumFractionDigits = 2): string {
  return cached(
    `n:${locale}:${maximumFractionDigits}`,
    () => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits }),
  ).format(value);
}

/** Money in the given currency: whole amounts without decimals, others with two. "€1,200", "1 200 ₽". */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const digits = Number.isInteger(amount) ? 0 : 2;
  return cached(
    `m:${locale}:${currency}:${digits}`,
    () =>
      new Intl.NumberFormat(intlLocale(locale), {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
  ).format(amount);
}

/** A ratio as a percentage: 0.256 → "26%", "26 %". */
export function formatPercent(ratio: number, locale: string, maximumFractionDigits = 0): string {
  return cached(
    `p:${locale}:${maximumFractionDigits}`,
    () => new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits }),
  ).format(ratio);
}

/** Minutes as hours and minutes: 90 → "1 hr 30 min", "1 ч 30 мин", "1 год 30 хв". */
export function formatDuration(minutes: number, locale: string): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  const unit = (u: 'hour' | 'minute', n: number) =>
    cached(
      `u:${locale}:${u}`,
      () => new Intl.NumberFormat(intlLocale(locale), { style: 'unit', unit: u, unitDisplay: 'short' }),
    ).format(n);
  if (h === 0) return unit('minute', m);
  if (m === 0) return unit('hour', h);
  return `${unit('hour', h)} ${unit('minute', m)}`;
}

/** A list joined the way the language does it: "a, b and c", "a, b и c", "a, b і c". */
export function formatList(
  items: readonly string[],
  locale: string,
  type: 'conjunction' | 'disjunction' | 'unit' = 'conjunction',
): string {
  return cached(`l:${locale}:${type}`, () => new Intl.ListFormat(intlLocale(locale), { style: 'long', type })).format(
    items,
  );
}

/** The plural category of a count in the language: one, few, many, other. */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  return cached(`r:${locale}`, () => new Intl.PluralRules(intlLocale(locale))).select(count);
}

/** A time of day given as minutes after midnight: 570 → "09:30". */
export function formatTime(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Fills `{name}` placeholders; a name without a value stays as written. */
export function interpolate(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string, at: number) => {
    if (!(name in params)) return whole;
    const value = String(params[name]);
    // A value quoted with «» inside «{name}» takes the inner quotes „“, as Russian and Ukrainian typography nests them.
    return template[at - 1] === '«' && template[at + whole.length] === '»'
      ? value.replace(/«/g, '„').replace(/»/g, '“')
      : value;
  });
}
