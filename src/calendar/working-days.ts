/**
 * Working-day arithmetic on calendar dates (`YYYY-MM-DD`): Saturdays, Sundays and the session's holidays are
 * not working days. Dates are counted in UTC, so no time zone can shift a day.
 */

/** Holidays as given in a session (a list of dates) or already gathered into a set. */
export type Holidays = readonly string[] | ReadonlySet<string>;

const asSet = (holidays: Holidays): ReadonlySet<string> =>
  holidays instanceof Set ? holidays : new Set(holidays as readonly string[]);

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (date: Date) => date.toISOString().slice(0, 10);

/** The date `days` calendar days after `iso` (before it when negative). */
export function addDays(iso: string, days: number): string {
  const date = toDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date);
}

/** The day of the week of a date: 0 Sunday … 6 Saturday. */
export function weekdayOf(iso: string): number {
  return toDate(iso).getUTCDay();
}

/** Whether a date is a working day: neither a Saturday, a Sunday nor one of `holidays`. */
export function isWorkingDay(iso: string, holidays: Holidays = []): boolean {
  const weekday = weekdayOf(iso);
  return weekday !== 0 && weekday !== 6 && !asSet(holidays).has(iso);
}

/** The first working day after `iso`. */
export function nextWorkingDay(iso: string, holidays: Holidays = []): string {
  return addWorkingDays(iso, 1, holidays);
}

/** `iso` itself when it is a working day, else the first working day after it. */
export function workingDayOnOrAfter(iso: string, holidays: Holidays = []): string {
  const off = asSet(holidays);
  return isWorkingDay(iso, off) ? iso : addWorkingDays(iso, 1, off);
}

/** The `n`-th working day after `iso` (n ≥ 0; the 0-th is `iso` itself, whatever day it is). */
export function addWorkingDays(iso: string, n: number, holidays: Holidays = []): string {
  return workingDaysAfter(iso, n, holidays)[n - 1] ?? iso;
}

/** The `n` working days that follow `iso`, in order. */
export function workingDaysAfter(iso: string, n: number, holidays: Holidays = []): string[] {
  const off = asSet(holidays);
  const days: string[] = [];
  let day = iso;
  // A year of holidays cannot hide more than a few hundred days: the bound only guards against bad input.
  for (let guard = 0; days.length < n && guard < n * 7 + 800; guard++) {
    day = addDays(day, 1);
    if (isWorkingDay(day, off)) days.push(day);
  }
  return days;
}

/** The first date on or after `iso` that falls on `weekday` (0 Sunday … 6 Saturday). */
export function weekdayOnOrAfter(iso: string, weekday: number): string {
  return addDays(iso, (weekday - weekdayOf(iso) + 7) % 7);
}

/** The `week`-th `weekday` of a month (`YYYY-MM`), or its last one with `week` -1. */
export function weekdayOfMonth(month: string, weekday: number, week: number): string {
  if (week < 0) {
    const last = addDays(`${nextMonth(month)}-01`, -1);
    return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
  }
  return addDays(weekdayOnOrAfter(`${month}-01`, weekday), (week - 1) * 7);
}

/** The month after `month` (`YYYY-MM`). */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
