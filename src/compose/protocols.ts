import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { interpolate } from '../format/index.js';
import type { SessionModel } from '../model/index.js';
import {
  assignGroups,
  type NetworkAssignment,
  type NetworkGroup,
  type NetworkMode,
  type NetworkSphere,
  networkParticipants,
  networkSpheres,
  sessionSeed,
} from '../network/index.js';
import { clock, networkTimetable, type TimetableRow } from '../network/timetable.js';
import { type SessionView, sessionView } from './common.js';

/** The network options of a build: the seed of the rotation (the same as `stratdoc groups --seed`). */
export interface NetworkBuildOptions {
  readonly seed?: number;
}

/** Whether the session's profile groups work on SWOT components or on the vision's directions. */
export function networkMode(model: SessionModel): NetworkMode {
  return model.swot.length === 0 && (model.vision?.directions.length ?? 0) > 0 ? 'vision' : 'swot';
}

/** The assignment a build prints: the session's participants, its mode, and the seed given or its own. */
export function sessionAssignment(model: SessionModel, options: NetworkBuildOptions = {}): SessionAssignment {
  const seed = options.seed ?? sessionSeed(model);
  // The protocols and the agenda of one build print the same rotation: it is drawn once per model and seed.
  const drawn = assignments.get(model) ?? new Map<number, SessionAssignment>();
  assignments.set(model, drawn);
  const known = drawn.get(seed);
  if (known) return known;
  const mode = networkMode(model);
  const result = assignGroups(networkParticipants(model), networkSpheres(model, mode), {
    seed,
    locale: model.session.locale,
  });
  const assignment: SessionAssignment = result.ok ? { ...result, mode } : result;
  drawn.set(seed, assignment);
  return assignment;
}

type SessionAssignment =
  | { ok: true; value: NetworkAssignment; mode: NetworkMode }
  | { ok: false; diagnostics: readonly Diagnostic[] };

const assignments = new WeakMap<SessionModel, Map<number, SessionAssignment>>();

/** One block of a participant's day. */
export interface ProtocolStepView {
  readonly time: string;
  readonly title: string;
  readonly kind: TimetableRow['kind'];
  /** The group met in this block, or null (everyone together, a break). */
  readonly group: { readonly id: string; readonly table: number; readonly label: string } | null;
  /** What to do, for this participant's sphere and component; null for breaks. */
  readonly task: string | null;
  /** Lines to write on, one entry each (none for blocks without notes). */
  readonly lines: readonly number[];
}

export interface ProtocolPageView {
  readonly id: string;
  readonly name: string;
  readonly sphere: string;
  /** The SWOT component or direction of the participant's profile group. */
  readonly subject: string;
  readonly affiliation: string | null;
  readonly core: boolean;
  readonly steps: readonly ProtocolStepView[];
  /** The blocks with lines to write on, in order. */
  readonly notes: readonly ProtocolStepView[];
}

export interface ProtocolsView {
  readonly session: SessionView;
  readonly language: string;
  readonly mode: NetworkMode;
  readonly seed: number;
  readonly day: string;
  readonly pages: readonly ProtocolPageView[];
}

/** Lines to write on, by kind of block: most where the participant's own list is made. */
const LINES: Partial<Record<TimetableRow['kind'], number>> = {
  'profile-groups': 4,
  'cross-groups': 3,
  'agreement-groups': 3,
  'final-agreement': 2,
  reports: 1,
};

/** Group labels and tasks by language; `{sphere}`, `{subject}`, `{table}` are filled in. */
const TEXT = {
  en: {
    profile: 'Profile group “{sphere} · {subject}”',
    cross: 'Cross group {n}, {sphere}',
    agreement: 'Agreement group “{subject}” {n}',
    'task-setting': 'Hear the aim of the day and how the groups rotate; check your sphere, subject and tables below.',
    swot: {
      'profile-groups':
        'List the {subject} of the sphere “{sphere}”: one short sentence each, with a fact that shows it.',
      'cross-groups':
        'Present your profile group’s list; hear the other three components of “{sphere}”; note what they add to yours and what contradicts it.',
      'agreement-groups':
        'With one member from each sphere, compare the {subject} found in every sphere: merge duplicates, note what holds for the whole city.',
      'final-agreement':
        'Back in your profile group: settle the final list of {subject}, vote on each item, choose who reports.',
      reports: 'Hear the reports of all profile groups; note what your sphere should take into account.',
    },
    vision: {
      'profile-groups': 'Describe how “{subject}” should look in the sphere “{sphere}” by the horizon of the vision.',
      'cross-groups':
        'Present your group’s picture; hear the other directions of “{sphere}”; note links and conflicts.',
      'agreement-groups':
        'With one member from each sphere, compare the pictures of the same direction across spheres; agree on common wording.',
      'final-agreement': 'Back in your profile group: settle the final wording of “{subject}”, choose who reports.',
      reports: 'Hear the reports; note what your direction should take into account.',
    },
  },
  ru: {
    profile: 'Профильная группа «{sphere} · {subject}»',
    cross: 'Перекрёстная группа {n}, {sphere}',
    agreement: 'Согласительная группа «{subject}» {n}',
    'task-setting': 'Узнайте цель дня и порядок смены групп; проверьте ниже свою сферу, тему и столы.',
    swot: {
      'profile-groups': 'Составьте перечень: {subject} сферы «{sphere}» — каждый пункт коротким предложением с фактом.',
      'cross-groups':
        'Представьте перечень своей профильной группы; выслушайте три другие составляющие сферы «{sphere}»; отметьте, что дополняет ваш перечень и что ему противоречит.',
      'agreement-groups':
        'С участниками из каждой сферы сравните, что найдено в каждой сфере ({subject}): объедините повторы, отметьте общее для всего города.',
      'final-agreement':
        'Снова в профильной группе: утвердите окончательный перечень ({subject}), проголосуйте по каждому пункту, выберите докладчика.',
      reports: 'Выслушайте доклады всех профильных групп; отметьте, что важно для вашей сферы.',
    },
    vision: {
      'profile-groups': 'Опишите, каким должно стать направление «{subject}» в сфере «{sphere}» к горизонту видения.',
      'cross-groups':
        'Представьте картину своей группы; выслушайте другие направления сферы «{sphere}»; отметьте связи и противоречия.',
      'agreement-groups':
        'С участниками из каждой сферы сравните картины одного направления в разных сферах; согласуйте общие формулировки.',
      'final-agreement':
        'Снова в профильной группе: утвердите окончательную формулировку «{subject}», выберите докладчика.',
      reports: 'Выслушайте доклады; отметьте, что важно для вашего направления.',
    },
  },
  uk: {
    profile: 'Профільна група «{sphere} · {subject}»',
    cross: 'Перехресна група {n}, {sphere}',
    agreement: 'Узгоджувальна група «{subject}» {n}',
    'task-setting': 'Дізнайтеся мету дня й порядок зміни груп; перевірте нижче свою сферу, тему та столи.',
    swot: {
      'profile-groups': 'Складіть перелік: {subject} сфери «{sphere}» — кожен пункт коротким реченням із фактом.',
      'cross-groups':
        'Представте перелік своєї профільної групи; вислухайте три інші складові сфери «{sphere}»; позначте, що доповнює ваш перелік і що йому суперечить.',
      'agreement-groups':
        'З учасниками з кожної сфери порівняйте, що знайдено в кожній сфері ({subject}): об’єднайте повтори, позначте спільне для всього міста.',
      'final-agreement':
        'Знову в профільній групі: затвердьте остаточний перелік ({subject}), проголосуйте за кожен пункт, оберіть доповідача.',
      reports: 'Вислухайте доповіді всіх профільних груп; позначте, що важливо для вашої сфери.',
    },
    vision: {
      'profile-groups': 'Опишіть, яким має стати напрям «{subject}» у сфері «{sphere}» до горизонту бачення.',
      'cross-groups':
        'Представте картину своєї групи; вислухайте інші напрями сфери «{sphere}»; позначте зв’язки й суперечності.',
      'agreement-groups':
        'З учасниками з кожної сфери порівняйте картини одного напряму в різних сферах; узгодьте спільні формулювання.',
      'final-agreement': 'Знову в профільній групі: затвердьте остаточне формулювання «{subject}», оберіть доповідача.',
      reports: 'Вислухайте доповіді; позначте, що важливо для вашого напряму.',
    },
  },
} as const;

/** A group's printed name, in the session's language. */
export function groupLabel(model: SessionModel, assignment: NetworkAssignment, group: NetworkGroup): string {
  const text = TEXT[model.session.locale];
  const sphere = assignment.spheres.find((s) => s.id === group.sphere) as NetworkSphere | undefined;
  const slotTitle = (slot: number | null) =>
    slot === null ? '' : (assignment.spheres.find((s) => s.slots[slot])?.slots[slot]?.title ?? '');
  const n = Number(group.id.split('-').pop());
  if (group.step === 'profile')
    return interpolate(text.profile, { sphere: sphere?.name ?? '', subject: slotTitle(group.slot) });
  if (group.step === 'cross') return interpolate(text.cross, { sphere: sphere?.name ?? '', n });
  return interpolate(text.agreement, { subject: slotTitle(group.slot), n });
}

/** One page per participant: their sphere and subject, the group, table and time of each step, the task, lines. */
export function composeProtocols(
  model: SessionModel,
  options: NetworkBuildOptions = {},
): { view: ProtocolsView } | { diagnostics: readonly Diagnostic[] } {
  const assigned = sessionAssignment(model, options);
  if (!assigned.ok) return { diagnostics: assigned.diagnostics };
  const { value: assignment, mode } = assigned;
  const text = TEXT[model.session.locale];
  const timetable = networkTimetable(model);
  const pages = assignment.participants.map((p): ProtocolPageView => {
    const place = assignment.placements.get(p.id);
    if (!place) throw new Error(`participant ${p.id} has no place`);
    const sphere = assignment.spheres.find((s) => s.id === place.sphere) as NetworkSphere;
    const subject = sphere.slots[place.slot]?.title ?? '';
    const steps = timetable.map((row): ProtocolStepView => {
      const group = row.step ? place[row.step] : null;
      const task =
        row.kind === 'task-setting' ? text['task-setting'] : ((text[mode] as Record<string, string>)[row.kind] ?? null);
      return {
        time: `${clock(row.start)}–${clock(row.end)}`,
        title: row.title,
        kind: row.kind,
        group: group ? { id: group.id, table: group.table, label: groupLabel(model, assignment, group) } : null,
        task: task
          ? interpolate(task, { sphere: sphere.name, subject: lower(subject, model.session.locale, mode) })
          : null,
        lines: Array.from({ length: LINES[row.kind] ?? 0 }, (_, i) => i + 1),
      };
    });
    return {
      id: p.id,
      name: p.name,
      sphere: sphere.name,
      subject,
      affiliation: p.affiliation,
      core: p.core,
      steps,
      notes: steps.filter((s) => s.lines.length > 0),
    };
  });
  return {
    view: {
      session: sessionView(model),
      language: model.session.locale,
      mode,
      seed: assignment.seed,
      day: model.session.date,
      pages,
    },
  };
}

/** A SWOT component inside a sentence is lower-case ("list the strengths"); a direction keeps its case. */
function lower(subject: string, locale: string, mode: NetworkMode): string {
  return mode === 'swot' ? subject.toLocaleLowerCase(locale) : subject;
}
