import { formatDate, formatMoney, formatNumber } from '../format/index.js';
import type { Amounts, Money, Person, SessionModel } from '../model/index.js';

/** What every view carries about the session, formatted for its language. */
export interface SessionView {
  readonly title: string;
  readonly organisation: string;
  /** The session date, formatted: "17 сентября 2026 г.". */
  readonly date: string;
  /** The session date as `YYYY-MM-DD`. */
  readonly isoDate: string;
  readonly dates: string;
  readonly place: string | null;
  readonly facilitator: string | null;
  readonly request: string | null;
}

/** The session block of a view. */
export function sessionView(model: SessionModel): SessionView {
  const s = model.session;
  const language = s.locale;
  return {
    title: s.title,
    organisation: s.organisation,
    date: formatDate(s.date, language),
    isoDate: s.date,
    dates:
      s.endDate === s.date
        ? formatDate(s.date, language)
        : `${formatDate(s.date, language)} – ${formatDate(s.endDate, language)}`,
    place: s.place,
    facilitator: s.facilitator,
    request: s.request,
  };
}

/** Money formatted for the language. */
export function money(value: Money | null, language: string): string | null {
  return value ? formatMoney(value.amount, value.currency, language) : null;
}

/** Amounts in several currencies, formatted and joined with " + "; null when there are none. */
export function amounts(value: Amounts, language: string): string | null {
  const parts = Object.entries(value).map(([currency, amount]) =>
    currency ? formatMoney(amount, currency, language) : formatNumber(amount, language),
  );
  return parts.length > 0 ? parts.join(' + ') : null;
}

/** A person as the documents name them. */
export function personName(person: Person | null): string | null {
  return person ? person.name : null;
}

/** An anchor id for a heading, unique per entity: `decision-d-new-routes`. */
export function anchor(kind: string, id: string): string {
  return `${kind}-${id}`.replace(/[^\p{L}\p{N}_-]+/gu, '-');
}
