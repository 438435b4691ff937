/**
 * A small iCalendar (RFC 5545) writer: events in one time zone with its VTIMEZONE, TEXT escaping, CRLF line
 * ends and lines folded at 75 octets without splitting a UTF-8 sequence.
 */
import { localToUtc, offsetChanges, zoneOffsetMinutes } from './time-zone.js';

/** When an event takes place: a whole day, or a local time in the calendar's zone with a length. */
export type IcsWhen =
  | { readonly date: string }
  | { readonly date: string; readonly time: string; readonly minutes: number };

/** Someone invited to an event. */
export interface IcsAttendee {
  readonly name: string;
  readonly email: string;
}

/** One VEVENT. */
export interface IcsEvent {
  /** Globally unique and stable: the same thing keeps its UID from build to build. */
  readonly uid: string;
  readonly summary: string;
  readonly description?: string | null;
  readonly location?: string | null;
  readonly when: IcsWhen;
  /** A recurrence: how often, on which weekday (or the n-th / last weekday of the month), and until which date. */
  readonly repeat?: IcsRepeat | null;
  /** Occurrences of the recurrence left out (dates, `YYYY-MM-DD`) … */
  readonly skip?: readonly string[];
  /** … and single occurrences added (dates, at the event's time): a meeting moved off a holiday. */
  readonly extra?: readonly string[];
  readonly attendees?: readonly IcsAttendee[];
  readonly categories?: readonly string[];
}

/** A weekly or monthly recurrence. */
export interface IcsRepeat {
  readonly frequency: 'weekly' | 'monthly';
  /** 0 Sunday … 6 Saturday. */
  readonly weekday: number;
  /** For a monthly recurrence: the week of the month, 1–4, or -1 for the last. */
  readonly week?: number;
  /** The last date an occurrence may fall on (inclusive, local). */
  readonly until: string;
}

/** A calendar: its events share one time zone. */
export interface IcsCalendar {
  /** The PRODID: who wrote the file. */
  readonly productId: string;
  readonly name: string;
  /** An IANA zone the platform knows, e.g. Europe/Kyiv. */
  readonly timeZone: string;
  /** The DTSTAMP of every event, `YYYYMMDDTHHMMSSZ`: fixed by the caller, never read from the clock. */
  readonly stamp: string;
  readonly events: readonly IcsEvent[];
}

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value: quoted when it holds `:`, `;` or `,`; characters a parameter cannot carry dropped. */
function paramValue(text: string): string {
  const clean = text.replace(/["\p{Cc}]/gu, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

const encoder = new TextEncoder();

/** The UTF-8 length of a text, counted (a calendar folds thousands of lines). */
function utf8Length(text: string): number {
  let octets = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) octets += 1;
    else if (c < 0x800) octets += 2;
    // A surrogate pair is one character of four octets: two halves of two each.
    else if (c >= 0xd800 && c <= 0xdfff) octets += 2;
    else octets += 3;
  }
  return octets;
}

/**
 * Folds a content line: no line longer than 75 octets, continuation lines begin with a space, and a
 * multi-octet UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  if (line.length <= 25 || utf8Length(line) <= 75) return line;
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    // The first line holds 75 octets; each continuation line 74 after its leading space.
    const limit = lines.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      lines.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n ');
}

const compact = (date: string) => date.replace(/-/g, '');
const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** `YYYYMMDDTHHMMSSZ` of a UTC instant. */
export function utcStamp(utcMs: number): string {
  return `${new Date(utcMs).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** A UTC offset as iCalendar writes it: +0300, -0500. */
function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

/** A local date and time as `YYYYMMDDTHHMM00`. */
const localDateTime = (date: string, time: string) => `${compact(date)}T${time.replace(':', '')}00`;

/** Adds minutes to a local date and time, on the wall clock. */
function addLocalMinutes(date: string, time: string, minutes: number): { date: string; time: string } {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, m] = time.split(':').map(Number) as [number, number];
  const t = new Date(Date.UTC(y, mo - 1, d, h, m) + minutes * 60_000).toISOString();
  return { date: t.slice(0, 10), time: t.slice(11, 16) };
}

/** The years an event touches, recurrence included. */
function yearsOf(event: IcsEvent): number[] {
  const years = [Number(event.when.date.slice(0, 4))];
  if (event.repeat) years.push(Number(event.repeat.until.slice(0, 4)));
  for (const d of [...(event.skip ?? []), ...(event.extra ?? [])]) years.push(Number(d.slice(0, 4)));
  return years;
}

/**
 * The VTIMEZONE of `zone` for the years `fromYear`–`toYear`: the offset in force at the start, and each change
 * within the span as its own observance (daylight when the new offset is the larger of the change).
 */
export function timeZoneLines(zone: string, fromYear: number, toYear: number): string[] {
  const start = Date.UTC(fromYear, 0, 1);
  const first = zoneOffsetMinutes(zone, start);
  const changes = offsetChanges(zone, fromYear, toYear);
  // The offset in force on 1 January is standard time unless a change later that year goes back to a smaller one.
  const firstIsDaylight = changes.some((c) => c.from === first && c.to < first);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const observance = (daylight: boolean, onset: string, from: number, to: number) => {
    const kind = daylight ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${onset}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `END:${kind}`,
    );
  };
  observance(firstIsDaylight, `${fromYear}0101T000000`, first, first);
  for (const c of changes) {
    // The onset is written in the local time in force before the change.
    const onset = new Date(c.utcMs + c.from * 60_000).toISOString().slice(0, 19).replace(/[-:]/g, '');
    observance(c.to > c.from, onset, c.from, c.to);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

function eventLines(event: IcsEvent, calendar: IcsCalendar): string[] {
  const zone = calendar.timeZone;
  const lines = ['BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${calendar.stamp}`];
  const w = event.when;
  const timed = 'time' in w;
  if (timed) {
    const end = addLocalMinutes(w.date, w.time, w.minutes);
    lines.push(`DTSTART;TZID=${zone}:${localDateTime(w.date, w.time)}`);
    lines.push(`DTEND;TZID=${zone}:${localDateTime(end.date, end.time)}`);
  } else {
    lines.push(`DTSTART;VALUE=DATE:${compact(w.date)}`);
    lines.push(`DTEND;VALUE=DATE:${compact(addLocalMinutes(w.date, '00:00', 24 * 60).date)}`);
  }
  const r = event.repeat;
  if (r) {
    const day = DAYS[r.weekday];
    // With a zoned start, UNTIL is a UTC instant: the end of the last allowed day, local.
    const until = timed ? utcStamp(localToUtc(zone, r.until, '23:59') + 59_000) : compact(r.until);
    lines.push(
      r.frequency === 'weekly'
        ? `RRULE:FREQ=WEEKLY;BYDAY=${day};UNTIL=${until}`
        : `RRULE:FREQ=MONTHLY;BYDAY=${r.week ?? 1}${day};UNTIL=${until}`,
    );
  }
  const at = (date: string) =>
    timed ? `;TZID=${zone}:${localDateTime(date, w.time)}` : `;VALUE=DATE:${compact(date)}`;
  for (const d of event.skip ?? []) lines.push(`EXDATE${at(d)}`);
  for (const d of event.extra ?? []) lines.push(`RDATE${at(d)}`);
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.categories && event.categories.length > 0)
    lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
  for (const a of event.attendees ?? [])
    lines.push(`ATTENDEE;CN=${paramValue(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:${a.email}`);
  lines.push(timed ? 'TRANSP:OPAQUE' : 'TRANSP:TRANSPARENT', 'END:VEVENT');
  return lines;
}

/** The calendar as iCalendar text: CRLF line ends, folded lines, one VTIMEZONE for the years its events span. */
export function writeIcs(calendar: IcsCalendar): string {
  const years = calendar.events.flatMap(yearsOf);
  const from = years.length > 0 ? Math.min(...years) : 1970;
  const to = years.length > 0 ? Math.max(...years) : 1970;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${calendar.productId}`,
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${calendar.timeZone}`,
    ...timeZoneLines(calendar.timeZone, from, to),
    ...calendar.events.flatMap((e) => eventLines(e, calendar)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/**
 * A stable identifier from parts (a session and a thing in it): the same parts give the same 16 hex digits,
 * on any platform, without a clock or randomness (two 32-bit FNV-1a hashes of the UTF-8 bytes).
 */
export function stableHash(...parts: readonly string[]): string {
  const bytes = encoder.encode(parts.join('\u0000'));
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const byte of bytes) {
    a = Math.imul(a ^ byte, 0x01000193) >>> 0;
    b = Math.imul(b ^ byte, 0x5bd1e995) >>> 0;
    b = (b ^ (b >>> 13)) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
