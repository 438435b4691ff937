/**
 * Time-zone facts read from the platform's Intl data (no time-zone database of our own): the UTC offset of a
 * zone at an instant, local wall time to UTC, and the offset changes within a span of years.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether the platform knows the IANA time zone `zone`. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The offset of `zone` from UTC at the instant `utcMs`, in minutes east of Greenwich (+180 for Moscow). */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(utcMs)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  // The formatter drops milliseconds: compare with the instant rounded down to the second.
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/**
 * The UTC instant of a local wall time (`YYYY-MM-DD`, `HH:MM`) in `zone`. A wall time skipped by a change to
 * summer time is read with the offset before the change; one that occurs twice, as the first.
 */
export function localToUtc(zone: string, date: string, time = '00:00'): number {
  return remembered(utcOfWallTime, `${zone} ${date} ${time}`, () => wallTimeToUtc(zone, date, time));
}

function wallTimeToUtc(zone: string, date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const before = zoneOffsetMinutes(zone, wall - 86_400_000);
  const after = zoneOffsetMinutes(zone, wall + 86_400_000);
  // Try both offsets around the wall time: the earlier instant that reads back as that wall time wins.
  for (const offset of [Math.max(before, after), Math.min(before, after)]) {
    const utc = wall - offset * 60_000;
    if (zoneOffsetMinutes(zone, utc) === offset) return utc;
  }
  return wall - before * 60_000;
}

/** One change of a zone's offset: at the instant `utcMs` the offset goes from `from` to `to` (minutes). */
export interface OffsetChange {
  readonly utcMs: number;
  readonly from: number;
  readonly to: number;
}

/** Every change of `zone`'s UTC offset from 1 January of `fromYear` to the end of `toYear`, in order. */
export function offsetChanges(zone: string, fromYear: number, toYear: number): readonly OffsetChange[] {
  // Hundreds of look-ups a year of a span: found once per process (a calendar is written in every build).
  return remembered(changesOf, `${zone} ${fromYear} ${toYear}`, () => findChanges(zone, fromYear, toYear));
}

function findChanges(zone: string, fromYear: number, toYear: number): OffsetChange[] {
  const changes: OffsetChange[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  // Offsets change at most a few times a year and never twice within twelve hours: sample, then narrow down.
  const step = 12 * 3_600_000;
  let t = Date.UTC(fromYear, 0, 1);
  let offset = zoneOffsetMinutes(zone, t);
  while (t < end) {
    const next = Math.min(t + step, end);
    const nextOffset = zoneOffsetMinutes(zone, next);
    if (nextOffset !== offset) {
      let lo = t;
      let hi = next;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (zoneOffsetMinutes(zone, mid) === offset) lo = mid;
        else hi = mid;
      }
      changes.push({ utcMs: hi, from: offset, to: nextOffset });
      offset = nextOffset;
    }
    t = next;
  }
  return changes;
}

/** Answers of the functions above, by their arguments: the platform's zone data does not change while it runs. */
const utcOfWallTime = new Map<string, number>();
const changesOf = new Map<string, readonly OffsetChange[]>();
const REMEMBERED = 4096;

function remembered<T>(answers: Map<string, T>, key: string, find: () => T): T {
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = find();
    if (answers.size >= REMEMBERED) answers.clear();
    answers.set(key, answer);
  }
  return answer;
}
