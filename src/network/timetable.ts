import type { AgendaBlock, SessionModel } from '../model/index.js';
import type { Locale } from '../schema/index.js';
import type { NetworkStepId } from './assign.js';

type Kind = AgendaBlock['kind'];

/** One block of a dynamic-network day, with the grouping it meets in (null: everyone together, or a break). */
export interface TimetableRow {
  readonly id: string;
  readonly kind: Kind;
  readonly title: string;
  readonly day: string;
  /** Minutes after midnight. */
  readonly start: number;
  readonly end: number;
  readonly step: NetworkStepId | null;
  readonly objective: string | null;
  readonly lead: string | null;
}

/** The grouping each kind of block meets in; the final agreement is back in the profile groups. */
export const STEP_OF_KIND: Readonly<Partial<Record<Kind, NetworkStepId>>> = {
  'profile-groups': 'profile',
  'cross-groups': 'cross',
  'agreement-groups': 'agreement',
  'final-agreement': 'profile',
};

/** The day as the method describes it (seed 001): about five hours with two breaks. */
const DEFAULT_DAY: ReadonlyArray<{ kind: Kind; minutes: number; key: string }> = [
  { kind: 'task-setting', minutes: 30, key: 'task-setting' },
  { kind: 'profile-groups', minutes: 30, key: 'profile-groups' },
  { kind: 'break', minutes: 15, key: 'coffee' },
  { kind: 'cross-groups', minutes: 40, key: 'cross-groups' },
  { kind: 'agreement-groups', minutes: 40, key: 'agreement-groups' },
  { kind: 'break', minutes: 45, key: 'lunch' },
  { kind: 'final-agreement', minutes: 30, key: 'final-agreement' },
  { kind: 'reports', minutes: 60, key: 'reports' },
];

const DEFAULT_START = 10 * 60;

const TITLES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    'task-setting': 'Setting the task',
    'profile-groups': 'Profile groups',
    coffee: 'Coffee break',
    'cross-groups': 'Cross groups',
    'agreement-groups': 'Agreement groups',
    lunch: 'Lunch',
    'final-agreement': 'Final agreement in the profile groups',
    reports: 'Reports of the profile groups',
  },
  ru: {
    'task-setting': 'Постановка задачи',
    'profile-groups': 'Профильные группы',
    coffee: 'Перерыв на кофе',
    'cross-groups': 'Перекрёстные группы',
    'agreement-groups': 'Согласительные группы',
    lunch: 'Обед',
    'final-agreement': 'Окончательное согласование в профильных группах',
    reports: 'Доклады профильных групп',
  },
  uk: {
    'task-setting': 'Постановка задачі',
    'profile-groups': 'Профільні групи',
    coffee: 'Перерва на каву',
    'cross-groups': 'Перехресні групи',
    'agreement-groups': 'Узгоджувальні групи',
    lunch: 'Обід',
    'final-agreement': 'Остаточне узгодження в профільних групах',
    reports: 'Доповіді профільних груп',
  },
};

/**
 * The day's blocks: the session's agenda when it holds the dynamic-network steps, else the method's default
 * day from 10:00 on the session's date.
 */
export function networkTimetable(model: SessionModel): TimetableRow[] {
  const row = (b: Omit<TimetableRow, 'step'>): TimetableRow => ({ ...b, step: STEP_OF_KIND[b.kind] ?? null });
  if (model.agenda.some((b) => STEP_OF_KIND[b.kind])) {
    return model.agenda.map((b) =>
      row({
        id: b.id,
        kind: b.kind,
        title: b.title,
        day: b.day,
        start: b.start,
        end: b.end,
        objective: b.objective,
        lead: b.lead,
      }),
    );
  }
  const titles = TITLES[model.session.locale];
  let at = DEFAULT_START;
  return DEFAULT_DAY.map((b, i) => {
    const start = at;
    at += b.minutes;
    return row({
      id: `step-${i + 1}`,
      kind: b.kind,
      title: titles[b.key] ?? b.key,
      day: model.session.date,
      start,
      end: at,
      objective: null,
      lead: null,
    });
  });
}

/** `HH:MM` of minutes after midnight. */
export function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
