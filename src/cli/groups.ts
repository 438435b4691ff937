import { checkSession } from '../check.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../diagnostics/index.js';
import {
  assignGroups,
  type NetworkAssignment,
  type NetworkGroup,
  type NetworkMode,
  type NetworkParticipant,
  type NetworkSphere,
  type NetworkStepId,
  guessLocale,
  networkParticipants,
  networkSpheres,
  parseParticipantsCsv,
  sessionSeed,
  swotSlots,
} from '../network/index.js';
import type { SessionModel } from '../model/index.js';
import { DEFAULT_SPHERE_IDS, DEFAULT_SPHERE_NAMES, type Locale } from '../schema/index.js';
import { sniffLocale } from '../validate/index.js';
import { EXIT, type ReportOptions, readInput, report, UsageError } from './common.js';
import type { CliIo } from './io.js';
import { cliText } from './texts.js';

/** The seed of an assignment read from a CSV of participants when `--seed` is not given. */
export const CSV_SEED = 1;

export type GroupsFormat = 'text' | 'json' | 'csv';

export interface GroupsOptions extends ReportOptions {
  readonly seed: number | undefined;
  readonly format: GroupsFormat;
  readonly mode: NetworkMode;
}

/** Input of the assignment: from a session, or from a CSV of participants. */
interface Prepared {
  readonly participants: NetworkParticipant[];
  readonly spheres: NetworkSphere[];
  readonly seed: number;
  readonly locale: Locale;
}

/** `stratdoc groups <file>`: the dynamic network's groups of a session or of a participants CSV. */
export async function groupsCommand(file: string, options: GroupsOptions, io: CliIo): Promise<number> {
  const input = await readInput(file, options.locale, io);
  if ('error' in input) return report([input.error], file, options.locale ?? 'en', options, io, EXIT.invalid);
  const csv = /\.csv$/i.test(file);
  if (csv && options.mode === 'vision')
    throw new UsageError('--mode vision needs a session with the directions of its vision, not a CSV');
  let prepared: Prepared;
  if (csv) {
    const parsed = parseParticipantsCsv(input.text, options.locale ? { locale: options.locale } : {});
    if (!parsed.ok) {
      const locale = options.locale ?? guessLocale(input.text);
      return report(parsed.diagnostics, input.name, locale, options, io, EXIT.invalid);
    }
    const { locale } = parsed.value;
    prepared = {
      locale,
      seed: options.seed ?? CSV_SEED,
      spheres: parsed.value.spheres.map((s) => ({ id: s.id, name: s.name, slots: swotSlots(locale) })),
      participants: parsed.value.participants.map((p) => ({
        id: p.id,
        name: p.name,
        sphere: p.sphere ?? null,
        affiliation: p.affiliation ?? null,
        core: p.core ?? false,
        preferences: p.preferences ?? [],
      })),
    };
  } else {
    const checked = checkSession(input.text, {
      fileName: input.name,
      ...(options.locale ? { locale: options.locale } : {}),
    });
    if (!checked.ok) {
      const locale = options.locale ?? sniffLocale(input.text);
      return report(checked.diagnostics, input.name, locale, options, io, EXIT.invalid);
    }
    const { model } = checked.value;
    prepared = {
      locale: model.session.locale,
      seed: options.seed ?? sessionSeed(model),
      spheres: model.spheres.length > 0 ? networkSpheres(model, options.mode) : defaultSpheres(model, options.mode),
      participants: networkParticipants(model),
    };
  }
  const { locale } = prepared;
  const result = assignGroups(prepared.participants, prepared.spheres, { seed: prepared.seed, locale });
  if (!result.ok) return report(result.diagnostics, input.name, locale, options, io, EXIT.invalid);
  const assignment = result.value;
  if (options.format === 'json')
    io.stdout(`${JSON.stringify(groupsJson(assignment, options.mode, locale), null, 2)}\n`);
  else if (options.format === 'csv') io.stdout(groupsCsv(assignment));
  else io.stdout(groupsText(assignment, locale));
  // The text report lists the warnings itself; beside JSON or CSV (read by programs) they go to stderr.
  if (assignment.warnings.length > 0 && options.format !== 'text')
    io.stderr(formatDiagnostics(assignment.warnings, { file: input.name, locale, color: io.color }));
  return EXIT.ok;
}

/** A session without spheres or participants yet: the default four, as the model gives an open session. */
function defaultSpheres(model: SessionModel, mode: NetworkMode): NetworkSphere[] {
  const locale = model.session.locale;
  const directions = (model.vision?.directions ?? []).filter((d) => d.sphere === null);
  return DEFAULT_SPHERE_IDS.map((id) => ({
    id,
    name: DEFAULT_SPHERE_NAMES[id]?.[locale] ?? id,
    slots: mode === 'swot' ? swotSlots(locale) : directions.map((d) => ({ id: d.id, title: d.title })),
  }));
}

const STEP_TITLE = { profile: 'step-profile', cross: 'step-cross', agreement: 'step-agreement' } as const;

/** What a group works on, for people: sphere and component (profile), sphere (cross), component (agreement). */
function groupTitle(a: NetworkAssignment, g: NetworkGroup): string {
  const sphere = a.spheres.find((s) => s.id === g.sphere);
  if (g.step === 'cross') return sphere?.name ?? '';
  const slot = g.slot ?? 0;
  if (g.step === 'profile') return `${sphere?.name ?? ''} — ${sphere?.slots[slot]?.title ?? ''}`;
  // An agreement group joins the same slot of every sphere: one component, or (Vision) one direction of each.
  const titles = [...new Set(a.spheres.map((s) => s.slots[slot]?.title).filter((t): t is string => Boolean(t)))];
  return titles.join(' · ');
}

/** The assignment as JSON: steps with their groups, participants with their places, seed, quality, warnings. */
export function groupsJson(a: NetworkAssignment, mode: NetworkMode, locale: Locale) {
  const place = (g: NetworkGroup) => ({ group: g.id, table: g.table });
  return {
    seed: a.seed,
    mode,
    locale,
    spheres: a.spheres.map((s) => ({ id: s.id, name: s.name, slots: s.slots })),
    steps: a.steps.map((step) => ({
      id: step.id,
      title: cliText(locale, STEP_TITLE[step.id]),
      groups: step.groups.map((g) => ({
        id: g.id,
        table: g.table,
        title: groupTitle(a, g),
        sphere: g.sphere,
        slot: g.slot === null ? null : (a.spheres.find((s) => s.slots[g.slot as number])?.slots[g.slot]?.id ?? null),
        members: g.members,
      })),
    })),
    participants: a.participants.map((p) => {
      const at = a.placements.get(p.id);
      const sphere = a.spheres.find((s) => s.id === at?.sphere);
      return {
        id: p.id,
        name: p.name,
        sphere: at?.sphere ?? null,
        slot: at ? (sphere?.slots[at.slot]?.id ?? null) : null,
        core: p.core,
        affiliation: p.affiliation,
        ...(at ? { profile: place(at.profile), cross: place(at.cross), agreement: place(at.agreement) } : {}),
      };
    }),
    quality: a.quality,
    warnings: a.warnings,
  };
}

/** One row per participant: where they sit at each step. RFC 4180: CRLF line ends, fields quoted as needed. */
export function groupsCsv(a: NetworkAssignment): string {
  const header = [
    'id',
    'name',
    'sphere',
    'profile group',
    'profile table',
    'cross group',
    'cross table',
    'agreement group',
    'agreement table',
  ];
  const rows = a.participants.map((p) => {
    const at = a.placements.get(p.id);
    if (!at) return [p.id, p.name, '', '', '', '', '', '', ''];
    return [
      p.id,
      p.name,
      at.sphere,
      at.profile.id,
      String(at.profile.table),
      at.cross.id,
      String(at.cross.table),
      at.agreement.id,
      String(at.agreement.table),
    ];
  });
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The assignment for an organiser: per step the tables and who sits at them, then the quality report. */
export function groupsText(a: NetworkAssignment, locale: Locale): string {
  const t = (key: Parameters<typeof cliText>[1], values: Record<string, string | number> = {}) =>
    cliText(locale, key, values);
  const byId = new Map(a.participants.map((p) => [p.id, p]));
  const sphereName = new Map(a.spheres.map((s) => [s.id, s.name]));
  const q = a.quality;
  const out: string[] = [
    t('title'),
    t('summary', { participants: q.participants, spheres: a.spheres.length, seed: a.seed }),
    `* ${t('core')}`,
    '',
  ];
  a.steps.forEach((step, n) => {
    out.push(t('step', { n: n + 1, title: t(STEP_TITLE[step.id]), count: step.groups.length }));
    for (const g of step.groups) {
      out.push(`  ${t('table', { n: g.table })} · ${g.id} · ${groupTitle(a, g)} (${g.members.length})`);
      for (const id of g.members) {
        const p = byId.get(id);
        const sphere = step.id === 'agreement' ? ` — ${sphereName.get(a.placements.get(id)?.sphere ?? '') ?? ''}` : '';
        out.push(`      ${p?.name ?? id}${sphere}${p?.core ? ' *' : ''}`);
      }
    }
    out.push('');
  });
  out.push(t('spheres'));
  for (const s of q.spheres)
    out.push(`  ${t('sphere', { name: sphereName.get(s.id) ?? s.id, size: s.size, core: s.core })}`);
  out.push('', t('quality'));
  for (const s of q.steps)
    out.push(
      `  ${t('sizes', { title: t(STEP_TITLE[s.id as NetworkStepId]), count: s.groups, min: s.minSize, max: s.maxSize })}`,
    );
  out.push(`  ${t('pairs', { met: q.pairsMet, repeated: q.pairsRepeated })}`);
  const without = q.profileGroupsWithoutCore;
  out.push(
    `  ${t('core-per-group', {
      min: q.corePerProfileGroup.min,
      max: q.corePerProfileGroup.max,
      without: without.length === 0 ? '0' : `${without.length} (${without.join(', ')})`,
    })}`,
  );
  out.push(`  ${t('affiliations', { count: q.crossGroupsSharingAffiliation })}`);
  out.push(`  ${t('preferences', { count: q.outsidePreferences })}`);
  if (a.warnings.length > 0) {
    out.push('', t('warnings'));
    for (const w of a.warnings) out.push(`  ${warningLine(w)}`);
  }
  out.push('', t('again', { seed: a.seed }));
  return `${out.join('\n')}\n`;
}

function warningLine(d: Diagnostic): string {
  return d.hint ? `${d.message} ${d.hint}` : d.message;
}
