import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  buildDocuments,
  escapeText,
  foldLine,
  nodeEnv,
  stableHash,
  timeZoneLines,
  writeIcs,
  zoneOffsetMinutes,
} from '../../src/index.js';
import { FIXTURES, fixtureData } from '../helpers/sessions.js';

// biome-ignore lint/suspicious/noExplicitAny: the raw fixture is read as plain data
type Raw = any;

/** The calendar.ics of a session's follow-up (HTML only: the calendar is written whatever the formats). */
async function calendarOf(data: unknown, options: { sourceDateEpoch?: number } = {}): Promise<string> {
  const result = await buildDocuments(data, nodeEnv(), {
    artifacts: ['followup'],
    formats: ['html'],
    diagrams: 'off',
    ...options,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 3)));
  const file = result.value.outputs.find((f) => f.fileName === 'calendar.ics');
  if (!file) throw new Error('no calendar.ics');
  expect(file.format).toBe('ics');
  expect(file.artifact).toBe('followup');
  return new TextDecoder().decode(file.data);
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (!vtimezone) throw new Error('no VTIMEZONE');
  const events = calendar.getAllSubcomponents('vevent');
  return { calendar, vtimezone, zone: new ICAL.Timezone(vtimezone), events };
}

const SESSIONS = FIXTURES.filter((name) => ((fixtureData(name) as Raw).initiatives ?? []).length > 0);

describe('calendar.ics of the follow-up', () => {
  for (const name of SESSIONS) {
    it(`${name}: parses with ical.js; every event has UID, DTSTART and SUMMARY; lines and line ends as RFC 5545 says`, async () => {
      const raw: Raw = fixtureData(name);
      const text = await calendarOf(raw);
      // CRLF line ends only, each line at most 75 octets, and no line cut inside a UTF-8 sequence.
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const bytes = new TextEncoder().encode(text);
      let start = 0;
      for (let i = 0; i < bytes.length; i++)
        if (bytes[i] === 0x0d) {
          const line = bytes.slice(start, i);
          expect(line.length).toBeLessThanOrEqual(75);
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(line)).not.toThrow();
          start = i + 2;
        }
      const { events, vtimezone } = parse(text);
      expect(events.length).toBeGreaterThan(raw.initiatives.length);
      for (const e of events) {
        expect(e.getFirstPropertyValue('uid')).toBeTruthy();
        expect(e.getFirstPropertyValue('dtstart')).toBeTruthy();
        expect(String(e.getFirstPropertyValue('summary') ?? '')).not.toBe('');
      }
      const uids = events.map((e) => String(e.getFirstPropertyValue('uid')));
      expect(new Set(uids).size).toBe(uids.length);
      // What a calendar needs to import it (RFC 5545 §3.6, §3.8): the calendar's VERSION and PRODID, each event's
      // DTSTAMP, an end after its start, and recurrences a reader can expand into dated occurrences.
      const { calendar } = parse(text);
      expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
      expect(String(calendar.getFirstPropertyValue('prodid'))).toMatch(/stratdoc/);
      for (const e of events) {
        expect(e.getFirstPropertyValue('dtstamp')).toBeTruthy();
        const event = new ICAL.Event(e);
        expect(event.endDate.compare(event.startDate), event.summary).toBeGreaterThan(0);
        if (event.isRecurring()) {
          const occurrences = event.iterator();
          for (let n = 0; n < 5; n++) expect(occurrences.next(), event.summary).toBeTruthy();
        }
      }
      // One kick-off per initiative, each with its title in the summary.
      for (const i of raw.initiatives as Raw[])
        expect(events.some((e) => String(e.getFirstPropertyValue('summary')).includes(i.title))).toBe(true);
      // The session's time zone, by name, on the VTIMEZONE and on every timed event.
      const tz = raw.session.timezone ?? 'UTC';
      expect(vtimezone.getFirstPropertyValue('tzid')).toBe(tz);
      for (const e of events) {
        const start = e.getFirstProperty('dtstart');
        if (start?.type === 'date-time') expect(start.getParameter('tzid')).toBe(tz);
      }
    });
  }

  it('has the weekly standing item as a recurring event on the session’s day, and the monthly review', async () => {
    const raw: Raw = fixtureData('industrial-safety.ru.json');
    const { events } = parse(await calendarOf(raw));
    const recurring = events.filter((e) => e.getFirstProperty('rrule'));
    const rules = recurring.map((e) => String(e.getFirstPropertyValue('rrule')));
    expect(rules.some((r) => r.startsWith('FREQ=WEEKLY') && r.includes('BYDAY=MO'))).toBe(true);
    expect(rules.some((r) => r.startsWith('FREQ=MONTHLY') && r.includes('BYDAY=-1FR'))).toBe(true);
    const weekly = new ICAL.Event(recurring.find((e) => String(e.getFirstPropertyValue('rrule')).includes('WEEKLY')));
    expect(weekly.summary).toContain(raw.followUp.weekly.forum);
    // The occurrences: Mondays at 09:00, none on a holiday (4 Jan and 3 May 2027 are Mondays off in Russia).
    const seen: string[] = [];
    const it = weekly.iterator();
    for (let next = it.next(); next && seen.length < 80; next = it.next()) seen.push(next.toString());
    expect(seen[0]).toBe('2026-09-28T09:00:00');
    expect(seen.every((d) => d.endsWith('T09:00:00'))).toBe(true);
    expect(seen.some((d) => d.startsWith('2027-01-04'))).toBe(false);
    expect(seen.some((d) => d.startsWith('2027-01-11'))).toBe(true);
  });

  it('is byte-identical for the same input, and keeps its UIDs across an unrelated edit', async () => {
    const raw: Raw = fixtureData('industrial-safety.ru.json');
    const first = await calendarOf(raw);
    expect(await calendarOf(structuredClone(raw))).toBe(first);
    const edited: Raw = structuredClone(raw);
    edited.decisions[0].title = `${edited.decisions[0].title} (edited)`;
    edited.initiatives[0].description = 'A new description.';
    edited.session.request = 'Another request.';
    const uids = (text: string) => parse(text).events.map((e) => String(e.getFirstPropertyValue('uid')));
    expect(uids(await calendarOf(edited))).toEqual(uids(first));
    // The UID is the session and the thing: a renamed initiative keeps its kick-off event.
    edited.initiatives[0].title = 'Renamed';
    expect(new Set(uids(await calendarOf(edited)))).toEqual(new Set(uids(first)));
  });

  it('stamps with the session date, or with SOURCE_DATE_EPOCH, never the clock', async () => {
    const raw: Raw = fixtureData('corporate-planning.en.yaml');
    const stamps = (text: string) =>
      new Set(parse(text).events.map((e) => String(e.getFirstProperty('dtstamp')?.toICALString())));
    expect(stamps(await calendarOf(raw))).toEqual(new Set(['DTSTAMP:20261005T000000Z']));
    expect(stamps(await calendarOf(raw, { sourceDateEpoch: 1_800_000_000 }))).toEqual(
      new Set(['DTSTAMP:20270115T080000Z']),
    );
  });

  it('invites owners who have an e-mail, and only them', async () => {
    const raw: Raw = fixtureData('industrial-safety.ru.json');
    const emails = new Set((raw.people as Raw[]).flatMap((p) => (p.email ? [`mailto:${p.email}`] : [])));
    const withoutEmail = (raw.people as Raw[]).filter((p) => !p.email).map((p) => p.name as string);
    const { events } = parse(await calendarOf(raw));
    const attendees = events.flatMap((e) => e.getAllProperties('attendee'));
    expect(attendees.length).toBeGreaterThan(0);
    for (const a of attendees) {
      expect(emails.has(String(a.getFirstValue()))).toBe(true);
      expect(withoutEmail).not.toContain(a.getParameter('cn'));
    }
    // The kick-off of an initiative invites its owner.
    const first = raw.initiatives[0];
    const owner = (raw.people as Raw[]).find((p) => p.id === first.owner);
    const kickoff = events.find((e) => String(e.getFirstPropertyValue('summary')).includes(first.title));
    if (owner?.email)
      expect(kickoff?.getAllProperties('attendee').map((a) => a.getFirstValue())).toContain(`mailto:${owner.email}`);
  });

  it('writes VTIMEZONE offsets as the platform knows them: Moscow +0300 all year, Kyiv with summer time', async () => {
    const moscow = parse(await calendarOf(fixtureData('industrial-safety.ru.json')));
    for (const month of [1, 4, 7, 10, 12])
      expect(moscow.zone.utcOffset(ICAL.Time.fromData({ year: 2027, month, day: 15, hour: 12 }))).toBe(3 * 3600);
    expect(moscow.vtimezone.getAllSubcomponents('daylight')).toHaveLength(0);

    const kyiv = parse(await calendarOf(fixtureData('city-swot.uk.json')));
    expect(kyiv.vtimezone.getFirstPropertyValue('tzid')).toBe('Europe/Kyiv');
    const offset = (year: number, month: number, day: number, hour: number) =>
      kyiv.zone.utcOffset(ICAL.Time.fromData({ year, month, day, hour, minute: 0, second: 0 }));
    expect(offset(2026, 10, 15, 12)).toBe(3 * 3600); // summer time until the last Sunday of October
    expect(offset(2026, 11, 15, 12)).toBe(2 * 3600);
    expect(offset(2027, 1, 15, 12)).toBe(2 * 3600);
    expect(offset(2027, 7, 15, 12)).toBe(3 * 3600);
    // A timed event in the autumn reads at the right instant.
    const { events } = kyiv;
    const weekly = new ICAL.Event(events.find((e) => String(e.getFirstPropertyValue('rrule')).includes('WEEKLY')));
    ICAL.TimezoneService.register(kyiv.vtimezone);
    const start = weekly.startDate;
    const utc = start.toJSDate().getTime();
    expect(zoneOffsetMinutes('Europe/Kyiv', utc)).toBe(start.utcOffset() / 60);
    ICAL.TimezoneService.remove('Europe/Kyiv');
  });

  it('writes a change of offset as an observance starting at the local time before it', () => {
    const lines = timeZoneLines('Europe/Kyiv', 2027, 2027);
    const text = lines.join('\n');
    expect(text).toContain(
      'BEGIN:DAYLIGHT\nDTSTART:20270328T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0300\nEND:DAYLIGHT',
    );
    expect(text).toContain(
      'BEGIN:STANDARD\nDTSTART:20271031T040000\nTZOFFSETFROM:+0300\nTZOFFSETTO:+0200\nEND:STANDARD',
    );
    const utc = timeZoneLines('UTC', 2026, 2026).join('\n');
    expect(utc).toContain('TZOFFSETTO:+0000');
    expect(utc).not.toContain('DAYLIGHT');
  });
});

describe('the iCalendar writer', () => {
  it('escapes TEXT: backslash, semicolon, comma, line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a Cyrillic letter, a euro sign or an emoji', () => {
    for (const text of ['Стартовая встреча: «Лидерство в безопасности» ґ є ї ё ', 'Budget € 12 000 ✅ 🚀 done; ']) {
      const line = `SUMMARY:${text.repeat(4)}`;
      const folded = foldLine(line);
      const parts = folded.split('\r\n');
      expect(parts.length).toBeGreaterThan(1);
      for (const [i, part] of parts.entries()) {
        const octets = new TextEncoder().encode(part).length;
        expect(octets).toBeLessThanOrEqual(75);
        // Full lines: a line ends early only when the next character would not fit.
        if (i < parts.length - 1) expect(octets).toBeGreaterThan(71);
        if (i > 0) expect(part.startsWith(' ')).toBe(true);
      }
      expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    }
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
    // 25 letters of two octets each: 50, not folded; 38 of them: 76, folded.
    expect(foldLine('Ж'.repeat(25))).toBe('Ж'.repeat(25));
    expect(foldLine('Ж'.repeat(38)).split('\r\n')).toHaveLength(2);
  });

  it('round-trips text through ical.js', () => {
    const summary = 'Кик-офф; «Склад, Екатеринбург» \\ итоги\nвторая строка';
    const text = writeIcs({
      productId: '-//test//EN',
      name: 'Test',
      timeZone: 'Europe/Kyiv',
      stamp: '20260101T000000Z',
      events: [
        {
          uid: 'a@test',
          summary,
          when: { date: '2026-10-26', time: '23:30', minutes: 60 },
          attendees: [{ name: 'Бойко, Юрій "Ю"', email: 'y@example.org' }],
        },
      ],
    });
    const event = new ICAL.Event(parse(text).events[0]);
    expect(event.summary).toBe(summary);
    // The end crosses midnight on the wall clock.
    expect(String(event.endDate)).toBe('2026-10-27T00:30:00');
    expect(event.attendees[0]?.getParameter('cn')).toBe('Бойко, Юрій Ю');
  });

  it('derives stable identifiers', () => {
    expect(stableHash('a', 'b')).toBe(stableHash('a', 'b'));
    expect(stableHash('a', 'b')).not.toBe(stableHash('ab', ''));
    expect(stableHash('x')).toMatch(/^[0-9a-f]{16}$/);
  });
});
