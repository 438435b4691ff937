import {
  addDays,
  type IcsAttendee,
  type IcsEvent,
  isKnownTimeZone,
  isWorkingDay,
  nextMonth,
  nextWorkingDay,
  stableHash,
  weekdayOfMonth,
  weekdayOnOrAfter,
  workingDaysAfter,
  writeIcs,
} from '../calendar/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDate, formatNumber } from '../format/index.js';
import type { ControlPoint, Initiative, Person, SessionModel } from '../model/index.js';
import { type SessionView, anchor, sessionView } from './common.js';
import type { ComposeContext, Composed, ComposedFile, LabelLookup } from './index.js';
import { PACK_PARTS, type PackPart } from './pack.js';

/** Days of the week as the session file names them, Sunday first (the index is the JavaScript weekday). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** A day of the week. */
export type Weekday = (typeof WEEKDAYS)[number];

/** Start times of kick-off meetings on one day, in order: a day holds at most this many. */
export const KICKOFF_SLOTS = ['10:00', '11:30', '14:00', '15:30', '17:00'] as const;

/** Length of a kick-off meeting, in minutes. */
export const KICKOFF_MINUTES = 60;

/** Length of the weekly standing item and of the monthly review, in minutes. */
export const WEEKLY_MINUTES = 30;
export const MONTHLY_MINUTES = 60;

/** The name of the calendar file the follow-up writes beside its documents. */
export const CALENDAR_FILE = 'calendar.ics';

/** One initiative in the cover note: who owns it and its first dates. */
export interface OwnerRow {
  readonly n: number;
  readonly id: string;
  readonly anchor: string;
  readonly title: string;
  readonly owner: string | null;
  readonly ownerRole: string | null;
  readonly accountableTo: string | null;
  /** The kick-off's date ("22.09.2026") and time ("10:00"). */
  readonly kickoff: string;
  readonly kickoffTime: string;
  readonly isoKickoff: string;
  /** The first control point or task due after dispatch. */
  readonly first: { readonly title: string; readonly date: string; readonly isoDate: string } | null;
}

/** The agenda of one initiative's kick-off meeting. */
export interface KickoffView {
  readonly n: number;
  readonly id: string;
  readonly anchor: string;
  readonly title: string;
  readonly description: string | null;
  readonly owner: string | null;
  readonly ownerRole: string | null;
  readonly accountableTo: string | null;
  /** "вторник, 22 сентября 2026 г.". */
  readonly date: string;
  readonly isoDate: string;
  /** "10:00–11:00". */
  readonly time: string;
  readonly team: readonly string[];
  readonly goals: readonly string[];
  readonly dependsOn: readonly string[];
  /** The tasks the session already gave the initiative, to be detailed. */
  readonly tasks: ReadonlyArray<{ readonly title: string; readonly owner: string | null; readonly due: string | null }>;
  /** Empty rows of the task table, to write new tasks in. */
  readonly blanks: readonly number[];
  readonly resources: ReadonlyArray<{ readonly title: string; readonly detail: string | null }>;
  readonly points: readonly PointRow[];
  /** The first weekly meeting after the kick-off, where the initiative first reports. */
  readonly firstWeekly: string;
}

/** A control point on a form: what, whose, which target by when. */
export interface PointRow {
  readonly id: string;
  readonly title: string;
  readonly kind: 'kpi' | 'milestone';
  readonly owner: string | null;
  /** "≤ 0,25 случаев" for a KPI; null for a milestone. */
  readonly target: string | null;
  readonly due: string | null;
}

/** An occurrence of a regular meeting moved off a holiday. */
export interface MovedDate {
  readonly from: string;
  readonly to: string;
}

/** The weekly standing item: when, and the form to fill in per initiative. */
export interface WeeklyView {
  readonly day: Weekday;
  readonly time: string;
  readonly forum: string | null;
  readonly first: string;
  readonly isoFirst: string;
  readonly until: string;
  readonly moved: readonly MovedDate[];
  readonly rows: ReadonlyArray<{ readonly n: number; readonly title: string; readonly owner: string | null }>;
}

/** The monthly review: when, and the form per control point. */
export interface MonthlyView {
  /** The week of the month, "1"–"4" or "last". */
  readonly week: string;
  readonly day: Weekday;
  readonly time: string;
  readonly first: string;
  readonly isoFirst: string;
  /** The first three reviews, formatted. */
  readonly next: readonly string[];
  readonly moved: readonly MovedDate[];
  /** Control points by initiative; those of no initiative last, under their goal. */
  readonly groups: ReadonlyArray<{
    readonly title: string;
    readonly owner: string | null;
    readonly points: readonly PointRow[];
  }>;
  /** The strategic goals, for "adjust goals?". */
  readonly goals: readonly string[];
}

/** The view of the `followup` artifact (seed 000): cover note, kick-off agendas, weekly and monthly forms. */
export interface FollowupView {
  readonly artifact: 'followup';
  readonly language: string;
  readonly session: SessionView;
  readonly timeZone: string;
  /** When the pack goes out. */
  readonly dispatch: string;
  readonly isoDispatch: string;
  readonly participants: number;
  /** Who gets the pack besides the participants (people and units, by name). */
  readonly recipients: readonly string[];
  /** The documents of the pack. */
  readonly parts: ReadonlyArray<{ readonly id: PackPart }>;
  /** The working days the kick-offs fall in. */
  readonly window: { readonly days: number; readonly from: string; readonly to: string };
  readonly owners: readonly OwnerRow[];
  readonly kickoffs: readonly KickoffView[];
  readonly weekly: WeeklyView;
  readonly monthly: MonthlyView;
  readonly calendar: { readonly fileName: string; readonly events: number };
}

/** A dated item of the calendar before its labels are filled in. */
interface CalendarItem {
  readonly kind: 'dispatch' | 'kickoff' | 'weekly' | 'monthly' | 'milestone' | 'target';
  readonly id: string;
  readonly params: Readonly<Record<string, string>>;
  readonly event: Omit<IcsEvent, 'uid' | 'summary' | 'description'>;
}

/** The follow-up with its calendar; or why it cannot be made. */
export type FollowupComposed = Composed & { readonly view: FollowupView | null };

/**
 * Composes the follow-up (seed 000): the cover note that goes out with the pack the next working day, one
 * kick-off agenda per initiative within the first working days (an owner's kick-offs on different days), the
 * weekly barriers form and the monthly review form; and `calendar.ics` with every date of the cadence.
 */
export function composeFollowup(
  model: SessionModel,
  context: Pick<ComposeContext, 'sourceDateEpoch'> = {},
): FollowupComposed {
  const s = model.session;
  const language = s.locale;
  const holidays = new Set(s.holidays);
  const diagnostics: Diagnostic[] = [];
  if (!isKnownTimeZone(s.timezone)) {
    diagnostics.push({
      code: 'followup/unknown-time-zone',
      severity: 'error',
      path: ['session', 'timezone'],
      message: `"${s.timezone}" is not a time zone this platform knows.`,
      hint: 'Give an IANA time zone name such as Europe/Kyiv, Europe/Moscow or UTC.',
    });
    return { view: null, diagrams: [], diagnostics };
  }
  const options = model.followUp;
  const dispatch = options?.dispatch ?? nextWorkingDay(s.endDate, holidays);
  if (options?.dispatch !== undefined && !isWorkingDay(options.dispatch, holidays))
    diagnostics.push({
      code: 'followup/dispatch-not-working-day',
      severity: 'warning',
      path: ['followUp', 'dispatch'],
      message: `The pack is to go out on ${options.dispatch}, which is a weekend day or a holiday.`,
      hint: 'Leave `dispatch` out to send it the next working day after the session, or pick a working day.',
    });
  if (options?.dispatch !== undefined && options.dispatch < s.endDate)
    diagnostics.push({
      code: 'followup/dispatch-before-session',
      severity: 'warning',
      path: ['followUp', 'dispatch'],
      message: `The pack is to go out on ${options.dispatch}, before the session ends (${s.endDate}).`,
      hint: 'Give a date after the session, or leave `dispatch` out for the next working day.',
    });
  const days = options?.kickoffWithinDays ?? 5;
  const weekly = { day: 'monday' as Weekday, time: '09:00', forum: null as string | null, ...options?.weekly };
  const monthly = { week: 1 as number | 'last', day: 'friday' as Weekday, time: '10:00', ...options?.monthly };
  const date = (iso: string) => formatDate(iso, language);
  const dayMonth = (iso: string) => formatDate(iso, language, 'day-month');

  // Kick-offs: in dependency order, each on the least busy day of the window where its owner has none yet.
  const window = workingDaysAfter(dispatch, days, holidays);
  const load = new Map<string, number>();
  const ownerDays = new Map<string, Set<string>>();
  const kickoffAt = new Map<string, { date: string; time: string }>();
  for (const initiative of model.initiativeOrder) {
    const owner = initiative.owner?.id ?? `\0${initiative.id}`;
    const busy = ownerDays.get(owner) ?? new Set<string>();
    // A window too full for one more (every slot taken) grows by a working day.
    while (window.every((d) => (load.get(d) ?? 0) >= KICKOFF_SLOTS.length))
      window.push(nextWorkingDay(window[window.length - 1] ?? dispatch, holidays));
    const open = window.filter((d) => (load.get(d) ?? 0) < KICKOFF_SLOTS.length);
    const free = open.filter((d) => !busy.has(d));
    const candidates = free.length > 0 ? free : open;
    const day = candidates.reduce((best, d) => ((load.get(d) ?? 0) < (load.get(best) ?? 0) ? d : best));
    const slot = load.get(day) ?? 0;
    load.set(day, slot + 1);
    busy.add(day);
    ownerDays.set(owner, busy);
    kickoffAt.set(initiative.id, { date: day, time: KICKOFF_SLOTS[slot] as string });
  }
  const initiatives = [...model.initiatives];
  const kickoffOf = (i: Initiative) => kickoffAt.get(i.id) as { date: string; time: string };
  const byKickoff = [...initiatives].sort(
    (a, b) =>
      (kickoffOf(a).date + kickoffOf(a).time).localeCompare(kickoffOf(b).date + kickoffOf(b).time) || a.order - b.order,
  );
  const lastKickoff = window[window.length - 1] ?? dispatch;

  // The horizon of the regular meetings: the last date the plan names, at least three months on.
  const dues = [
    ...model.initiatives.map((i) => i.due),
    ...model.controlPoints.map((c) => c.due),
    ...model.actions.map((a) => a.due),
  ].filter((d): d is string => d !== null);
  const until = [addDays(dispatch, 91), ...dues].sort().pop() as string;

  const weeklyDay = WEEKDAYS.indexOf(weekly.day);
  const weeklyDates: string[] = [];
  // The standing item starts once the first kick-offs have been held: the first meeting day after the first of them.
  const weeklyStart = weekdayOnOrAfter(addDays(window[0] ?? dispatch, 1), weeklyDay);
  for (let d = weeklyStart; d <= until; d = addDays(d, 7)) weeklyDates.push(d);
  const monthlyDay = WEEKDAYS.indexOf(monthly.day);
  const monthlyWeek = monthly.week === 'last' ? -1 : monthly.week;
  const monthlyDates: string[] = [];
  for (let m = dispatch.slice(0, 7); `${m}-01` <= until; m = nextMonth(m)) {
    const d = weekdayOfMonth(m, monthlyDay, monthlyWeek);
    if (d > lastKickoff && d <= until) monthlyDates.push(d);
  }
  const movedOf = (dates: readonly string[]) =>
    dates
      .filter((d) => holidays.has(d))
      .map((d) => ({ from: d, to: nextWorkingDay(d, holidays) }))
      .filter((m) => !dates.includes(m.to));
  const weeklyMoved = movedOf(weeklyDates);
  const monthlyMoved = movedOf(monthlyDates);
  const firstOf = (dates: readonly string[], moved: readonly MovedDate[]) =>
    dates
      .filter((d) => !holidays.has(d) || moved.some((m) => m.from === d))
      .map((d) => moved.find((m) => m.from === d)?.to ?? d);
  const weeklyHeld = firstOf(weeklyDates, weeklyMoved);
  const monthlyHeld = firstOf(monthlyDates, monthlyMoved);
  const firstWeekly = weeklyHeld[0] ?? weeklyStart;
  const firstMonthly = monthlyHeld[0] ?? weekdayOfMonth(nextMonth(dispatch.slice(0, 7)), monthlyDay, monthlyWeek);

  const points = (list: readonly ControlPoint[]): PointRow[] =>
    list.map((c) => ({
      id: c.id,
      title: c.title,
      kind: c.kind,
      owner: c.owner?.name ?? null,
      target:
        c.kind === 'kpi' && c.target !== null
          ? `${c.polarity === 'lower-is-better' ? '≤' : c.polarity === 'higher-is-better' ? '≥' : ''} ${formatNumber(c.target, language)}${c.unit ? ` ${c.unit}` : ''}`.trim()
          : null,
      due: c.due ? formatDate(c.due, language, 'short') : null,
    }));

  const owners: OwnerRow[] = byKickoff.map((i, k) => {
    const at = kickoffOf(i);
    const next = [
      ...i.controlPoints.map((c) => ({ title: c.title, due: c.due })),
      ...i.actions.map((a) => ({ title: a.title, due: a.due })),
    ]
      .filter((x): x is { title: string; due: string } => x.due !== null && x.due > dispatch)
      .sort((a, b) => a.due.localeCompare(b.due))[0];
    return {
      n: k + 1,
      id: i.id,
      anchor: anchor('kickoff', i.id),
      title: i.title,
      owner: i.owner?.name ?? null,
      ownerRole: i.owner?.role ?? null,
      accountableTo: i.accountableTo?.name ?? null,
      kickoff: formatDate(at.date, language, 'short'),
      kickoffTime: at.time,
      isoKickoff: at.date,
      first: next ? { title: next.title, date: formatDate(next.due, language, 'short'), isoDate: next.due } : null,
    };
  });

  const kickoffs: KickoffView[] = byKickoff.map((i, k) => {
    const at = kickoffOf(i);
    const tasks = i.actions.map((a) => ({
      title: a.title,
      owner: a.owner?.name ?? null,
      due: a.due ? formatDate(a.due, language, 'short') : null,
    }));
    return {
      n: k + 1,
      id: i.id,
      anchor: anchor('kickoff', i.id),
      title: i.title,
      description: i.description,
      owner: i.owner?.name ?? null,
      ownerRole: i.owner?.role ?? null,
      accountableTo: i.accountableTo?.name ?? null,
      date: formatDate(at.date, language, 'weekday'),
      isoDate: at.date,
      time: `${at.time}–${clockAfter(at.time, KICKOFF_MINUTES)}`,
      team: i.team.filter((p) => p.id !== i.owner?.id).map((p) => p.name),
      goals: i.goals.map((g) => g.title),
      dependsOn: i.dependsOn.map((d) => d.title),
      tasks,
      blanks: Array.from({ length: Math.max(2, 4 - tasks.length) }, (_, n) => n),
      resources: i.resources.map((r) => ({
        title: r.title,
        detail: r.quantity !== null ? `${formatNumber(r.quantity, language)}${r.unit ? ` ${r.unit}` : ''}` : null,
      })),
      points: points(i.controlPoints),
      // An initiative first reports at the first weekly meeting after its kick-off.
      firstWeekly: date(weeklyHeld.find((d) => d > at.date) ?? firstWeekly),
    };
  });

  const unlinked = model.controlPoints.filter((c) => c.initiative === null);
  const monthlyGroups = [
    ...model.initiativeOrder.map((i) => ({
      title: i.title,
      owner: i.owner?.name ?? null,
      points: points(i.controlPoints),
    })),
    ...(unlinked.length > 0 ? [{ title: '', owner: null, points: points(unlinked) }] : []),
  ];

  const recipients = (options?.recipients ?? []).flatMap((id) => {
    const name = model.index.people.get(id)?.name ?? model.index.units.get(id)?.name;
    return name ? [name] : [];
  });

  // The calendar: every date of the cadence, labels filled in when the file is written.
  const attendees = (people: ReadonlyArray<Person | null>): IcsAttendee[] => {
    const seen = new Set<string>();
    return people.flatMap((p) => {
      if (!p?.email || seen.has(p.email)) return [];
      seen.add(p.email);
      return [{ name: p.name, email: p.email }];
    });
  };
  const initiativeOwners = model.initiativeOrder.map((i) => i.owner);
  const items: CalendarItem[] = [
    {
      kind: 'dispatch',
      id: 'pack',
      params: { title: s.title },
      event: { when: { date: dispatch }, categories: [] },
    },
    ...byKickoff.map(
      (i): CalendarItem => ({
        kind: 'kickoff',
        id: i.id,
        params: { initiative: i.title, owner: i.owner?.name ?? '—' },
        event: {
          when: { ...kickoffOf(i), minutes: KICKOFF_MINUTES },
          attendees: attendees([i.owner, ...i.team]),
        },
      }),
    ),
    {
      kind: 'weekly',
      id: 'weekly',
      params: { forum: weekly.forum ?? '' },
      event: {
        when: { date: weeklyDates[0] ?? firstWeekly, time: weekly.time, minutes: WEEKLY_MINUTES },
        repeat: { frequency: 'weekly', weekday: weeklyDay, until },
        skip: weeklyDates.filter((d) => holidays.has(d)),
        extra: weeklyMoved.map((m) => m.to),
        attendees: attendees(initiativeOwners),
      },
    },
    {
      kind: 'monthly',
      id: 'monthly',
      params: {},
      event: {
        when: { date: monthlyDates[0] ?? firstMonthly, time: monthly.time, minutes: MONTHLY_MINUTES },
        repeat: { frequency: 'monthly', weekday: monthlyDay, week: monthlyWeek, until },
        skip: monthlyDates.filter((d) => holidays.has(d)),
        extra: monthlyMoved.map((m) => m.to),
        attendees: attendees([...initiativeOwners, ...model.controlPoints.map((c) => c.owner)]),
      },
    },
    ...model.controlPoints
      .filter((c): c is ControlPoint & { due: string } => c.due !== null)
      .map(
        (c): CalendarItem => ({
          kind: c.kind === 'milestone' ? 'milestone' : 'target',
          id: c.id,
          params: {
            title: c.title,
            target: points([c])[0]?.target ?? '',
            initiative: c.initiative?.title ?? c.goal?.title ?? '',
          },
          event: { when: { date: c.due }, attendees: attendees([c.owner ?? c.initiative?.owner ?? null]) },
        }),
      ),
  ];
  const stamp = stampOf(s.date, context.sourceDateEpoch);
  const calendarFile: ComposedFile = {
    fileName: CALENDAR_FILE,
    format: 'ics',
    text: (label) =>
      writeIcs({
        productId: '-//stratdoc//follow-up//EN',
        name: label('followup.calendar.name', { title: s.title }),
        timeZone: s.timezone,
        stamp,
        events: items.map((item) => ({
          ...item.event,
          // The session (organisation and first day) and the thing's id: a re-import updates, never duplicates.
          uid: `${item.kind}-${stableHash(s.organisation, s.date, item.kind, item.id)}@stratdoc`,
          summary: calendarLabel(label, item, 'summary'),
          description: calendarLabel(label, item, 'description'),
        })),
      }),
  };

  const view: FollowupView = {
    artifact: 'followup',
    language,
    session: sessionView(model),
    timeZone: s.timezone,
    dispatch: date(dispatch),
    isoDispatch: dispatch,
    participants: model.participants.length,
    recipients,
    parts: PACK_PARTS.map((id) => ({ id })),
    window: { days, from: date(window[0] ?? dispatch), to: date(lastKickoff) },
    owners,
    kickoffs,
    weekly: {
      day: weekly.day,
      time: weekly.time,
      forum: weekly.forum ?? null,
      first: date(firstWeekly),
      isoFirst: firstWeekly,
      until: date(until),
      moved: weeklyMoved.map((m) => ({ from: dayMonth(m.from), to: dayMonth(m.to) })),
      rows: model.initiativeOrder.map((i, n) => ({ n: n + 1, title: i.title, owner: i.owner?.name ?? null })),
    },
    monthly: {
      week: String(monthly.week),
      day: monthly.day,
      time: monthly.time,
      first: date(firstMonthly),
      isoFirst: firstMonthly,
      next: monthlyHeld.slice(0, 3).map(date),
      moved: monthlyMoved.map((m) => ({ from: dayMonth(m.from), to: dayMonth(m.to) })),
      groups: monthlyGroups,
      goals: model.goals.filter((g) => g.level === 'strategic').map((g) => g.title),
    },
    calendar: { fileName: CALENDAR_FILE, events: items.length },
  };
  return { view, diagrams: [], files: [calendarFile], ...(diagnostics.length > 0 ? { diagnostics } : {}) };
}

/** Why a session has no follow-up, or null when it has one. */
export function followupNotApplicable(model: SessionModel): string | null {
  return model.initiatives.length === 0 ? 'the session has no initiatives (`initiatives`)' : null;
}

/** `HH:MM` plus minutes, on the clock. */
function clockAfter(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = (h * 60 + m + minutes) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** A calendar item's summary or description from the catalog, with its parameters filled in. */
function calendarLabel(label: LabelLookup, item: CalendarItem, part: 'summary' | 'description'): string {
  const key = item.kind === 'weekly' && part === 'summary' && !item.params.forum ? 'weeklyNoForum' : item.kind;
  return label(`followup.calendar.${part}.${key}`, item.params);
}

/** The DTSTAMP: SOURCE_DATE_EPOCH when given, else midnight UTC of the session's first day. */
function stampOf(sessionDate: string, epoch: number | undefined): string {
  const ms = epoch !== undefined && Number.isFinite(epoch) ? epoch * 1000 : Date.parse(`${sessionDate}T00:00:00Z`);
  return `${new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}
