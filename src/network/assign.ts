import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Locale } from '../schema/index.js';
import { networkMessage } from './messages.js';
import { type Random, seededRandom } from './random.js';

/** A participant as the assignment sees it: from a session or straight from a CSV. */
export interface NetworkParticipant {
  readonly id: string;
  readonly name: string;
  /** The sphere given in the input; null lets the assignment choose (balanced, by preference). */
  readonly sphere: string | null;
  readonly affiliation: string | null;
  readonly core: boolean;
  /** Sphere ids, best first. */
  readonly preferences: readonly string[];
}

/** What one profile group of a sphere works on: a SWOT component, or a direction of the vision. */
export interface NetworkSlot {
  readonly id: string;
  readonly title: string;
}

/** A sphere with its profile groups' subjects. Agreement groups join the k-th slot of every sphere. */
export interface NetworkSphere {
  readonly id: string;
  readonly name: string;
  readonly slots: readonly NetworkSlot[];
}

/** The rotating steps of a dynamic-network session; the final agreement meets in the profile groups again. */
export type NetworkStepId = 'profile' | 'cross' | 'agreement';

export const NETWORK_STEPS: readonly NetworkStepId[] = ['profile', 'cross', 'agreement'];

export interface NetworkGroup {
  /** `p-<sphere>-<slot>`, `x-<sphere>-<n>`, `a-<slot>-<n>`. */
  readonly id: string;
  readonly step: NetworkStepId;
  /** Table number within the step, from 1. */
  readonly table: number;
  /** The sphere of a profile or cross group; null for an agreement group (every sphere). */
  readonly sphere: string | null;
  /** Index of the slot (component or direction) of a profile or agreement group; null for a cross group. */
  readonly slot: number | null;
  /** Participant ids. */
  readonly members: readonly string[];
}

export interface NetworkStep {
  readonly id: NetworkStepId;
  readonly groups: readonly NetworkGroup[];
}

/** A participant's place: sphere, slot, and group at each step. */
export interface Placement {
  readonly sphere: string;
  readonly slot: number;
  readonly profile: NetworkGroup;
  readonly cross: NetworkGroup;
  readonly agreement: NetworkGroup;
}

/** How good the assignment is, for the organisers (and the tests). */
export interface NetworkQuality {
  readonly participants: number;
  readonly spheres: ReadonlyArray<{ readonly id: string; readonly size: number; readonly core: number }>;
  readonly steps: ReadonlyArray<{
    readonly id: NetworkStepId;
    readonly groups: number;
    readonly minSize: number;
    readonly maxSize: number;
  }>;
  /** Pairs of participants who sit together at least once in the rotating steps. */
  readonly pairsMet: number;
  /** Pairs who share more than one group: zero when the rotation works. */
  readonly pairsRepeated: number;
  /** Core members per profile group, and the profile groups without one. */
  readonly corePerProfileGroup: { readonly min: number; readonly max: number };
  readonly profileGroupsWithoutCore: readonly string[];
  /** Cross groups where two members share an affiliation. */
  readonly crossGroupsSharingAffiliation: number;
  /** Of all pairs met in cross groups, the share from different affiliations (1 when all differ). */
  readonly crossAffiliationMix: number;
  /** Participants placed in a sphere they did not list among their preferences (of those who listed some). */
  readonly outsidePreferences: number;
}

export interface NetworkAssignment {
  readonly seed: number;
  readonly spheres: readonly NetworkSphere[];
  readonly participants: readonly NetworkParticipant[];
  readonly steps: readonly NetworkStep[];
  /** By participant id. */
  readonly placements: ReadonlyMap<string, Placement>;
  readonly quality: NetworkQuality;
  /** Warnings (uneven spheres, too few core members, groups outside 3–9). */
  readonly warnings: readonly Diagnostic[];
}

export interface AssignOptions {
  readonly seed: number;
  /** Language of the diagnostics. */
  readonly locale?: Locale;
}

/** The method's advice: groups of 5–9 work; below 3 or above 9 a warning. */
const SMALLEST_GROUP = 3;
const LARGEST_GROUP = 9;

/**
 * Assigns participants to spheres, profile groups, cross groups and agreement groups.
 *
 * - Spheres: given ones are kept; the others fill the spheres to sizes as equal as possible, core members
 *   first (spread over the spheres), then by preference.
 * - Profile groups (sphere × slot): sizes as equal as possible, core members dealt first so every group has
 *   one where the sphere has enough, affiliations spread.
 * - Cross groups (inside a sphere) take at most one member from each profile group, agreement groups (one
 *   slot, across spheres) at most one from each sphere: so no two participants share more than one group.
 *   Their count is the largest contributing group's size, and each contributor's members go to the groups
 *   smallest so far, which keeps sizes within one of each other; members are matched to mix affiliations.
 *
 * Deterministic for a given seed. Fails (diagnostics) when a sphere has fewer participants than slots.
 */
export function assignGroups(
  participants: readonly NetworkParticipant[],
  spheres: readonly NetworkSphere[],
  options: AssignOptions,
): { ok: true; value: NetworkAssignment } | { ok: false; diagnostics: readonly Diagnostic[] } {
  const locale = options.locale ?? 'en';
  const say = (code: Parameters<typeof networkMessage>[1], values: Record<string, string | number>) =>
    networkMessage(locale, code, values);
  const random = seededRandom(options.seed);
  if (spheres.length === 0 || spheres.some((s) => s.slots.length === 0)) {
    return {
      ok: false,
      diagnostics: [{ code: 'network/no-spheres', severity: 'error', path: ['spheres'], ...say('no-spheres', {}) }],
    };
  }
  const needed = spheres.reduce((sum, s) => sum + s.slots.length, 0);
  if (participants.length < needed) {
    return {
      ok: false,
      diagnostics: [
        {
          code: 'network/too-few-participants',
          severity: 'error',
          path: ['participants'],
          ...say('too-few-participants', { count: participants.length, needed }),
        },
      ],
    };
  }

  const sphereOf = assignSpheres(participants, spheres, random);
  const warnings: Diagnostic[] = [];
  const errors: Diagnostic[] = [];
  const membersOf = new Map(spheres.map((s) => [s.id, [] as NetworkParticipant[]]));
  for (const p of participants) membersOf.get(sphereOf.get(p.id) as string)?.push(p);
  for (const s of spheres) {
    const size = membersOf.get(s.id)?.length ?? 0;
    if (size < s.slots.length)
      errors.push({
        code: 'network/sphere-too-small',
        severity: 'error',
        path: ['participants'],
        ...say('sphere-too-small', { sphere: s.name, count: size, needed: s.slots.length }),
      });
  }
  if (errors.length > 0) return { ok: false, diagnostics: errors };
  const sizes = spheres.map((s) => membersOf.get(s.id)?.length ?? 0);
  if (Math.max(...sizes) - Math.min(...sizes) > 1)
    warnings.push({
      code: 'network/spheres-uneven',
      severity: 'warning',
      path: ['participants'],
      ...say('spheres-uneven', { sizes: spheres.map((s, i) => `${s.name} ${sizes[i]}`).join(', ') }),
    });

  const byId = new Map(participants.map((p) => [p.id, p]));
  // Profile groups.
  const profile: NetworkGroup[] = [];
  const profileOf = new Map<string, { sphere: number; slot: number }>();
  spheres.forEach((sphere, si) => {
    const members = membersOf.get(sphere.id) as NetworkParticipant[];
    const groups = dealProfileGroups(members, sphere.slots.length, random);
    groups.forEach((ids, slot) => {
      profile.push({
        id: `p-${sphere.id}-${(sphere.slots[slot] as NetworkSlot).id}`,
        step: 'profile',
        table: profile.length + 1,
        sphere: sphere.id,
        slot,
        members: ids,
      });
      for (const id of ids) profileOf.set(id, { sphere: si, slot });
    });
    const core = members.filter((m) => m.core).length;
    if (core < sphere.slots.length)
      warnings.push({
        code: 'network/core-short',
        severity: 'warning',
        path: ['participants'],
        ...say('core-short', { sphere: sphere.name, core, needed: sphere.slots.length }),
      });
  });
  const profileIn = (si: number) => profile.filter((g) => g.sphere === (spheres[si] as NetworkSphere).id);

  // Cross groups: inside each sphere, at most one member of each profile group.
  const cross: NetworkGroup[] = [];
  spheres.forEach((sphere, si) => {
    const sources = profileIn(si).map((g) => g.members);
    spread(sources, byId, random).forEach((members, n) => {
      cross.push({
        id: `x-${sphere.id}-${n + 1}`,
        step: 'cross',
        table: cross.length + 1,
        sphere: sphere.id,
        slot: null,
        members,
      });
    });
  });

  // Agreement groups: for each slot, at most one member of each sphere.
  const agreement: NetworkGroup[] = [];
  const slotCount = Math.max(...spheres.map((s) => s.slots.length));
  for (let slot = 0; slot < slotCount; slot++) {
    const sources = profile.filter((g) => g.slot === slot).map((g) => g.members);
    const slotId = spheres.find((s) => s.slots[slot])?.slots[slot]?.id ?? String(slot + 1);
    spread(sources, byId, random).forEach((members, n) => {
      agreement.push({
        id: `a-${slotId}-${n + 1}`,
        step: 'agreement',
        table: agreement.length + 1,
        sphere: null,
        slot,
        members,
      });
    });
  }

  const steps: NetworkStep[] = [
    { id: 'profile', groups: profile },
    { id: 'cross', groups: cross },
    { id: 'agreement', groups: agreement },
  ];
  const groupOf = (groups: readonly NetworkGroup[]) => {
    const map = new Map<string, NetworkGroup>();
    for (const g of groups) for (const m of g.members) map.set(m, g);
    return map;
  };
  const [inProfile, inCross, inAgreement] = [groupOf(profile), groupOf(cross), groupOf(agreement)];
  const placements = new Map<string, Placement>();
  for (const p of participants) {
    const at = profileOf.get(p.id) as { sphere: number; slot: number };
    placements.set(p.id, {
      sphere: (spheres[at.sphere] as NetworkSphere).id,
      slot: at.slot,
      profile: inProfile.get(p.id) as NetworkGroup,
      cross: inCross.get(p.id) as NetworkGroup,
      agreement: inAgreement.get(p.id) as NetworkGroup,
    });
  }
  for (const step of steps) {
    const small = step.groups.filter((g) => g.members.length < SMALLEST_GROUP);
    const large = step.groups.filter((g) => g.members.length > LARGEST_GROUP);
    for (const [list, code] of [
      [small, 'groups-small'],
      [large, 'groups-large'],
    ] as const) {
      if (list.length === 0) continue;
      warnings.push({
        code: `network/${code}`,
        severity: 'warning',
        path: ['participants'],
        ...say(code, {
          step: say(`step-${step.id}`, {}).message,
          count: list.length,
          sizes: [...new Set(list.map((g) => g.members.length))].join(', '),
        }),
      });
    }
  }
  const quality = measure(participants, spheres, steps, placements, sphereOf);
  return {
    ok: true,
    value: { seed: options.seed, spheres, participants, steps, placements, quality, warnings },
  };
}

/** Sphere of every participant: given ones kept, the rest filling the spheres evenly. */
function assignSpheres(
  participants: readonly NetworkParticipant[],
  spheres: readonly NetworkSphere[],
  random: Random,
): Map<string, string> {
  const index = new Map(spheres.map((s, i) => [s.id, i]));
  const sphereOf = new Map<string, string>();
  const size = spheres.map(() => 0);
  const core = spheres.map(() => 0);
  const free: NetworkParticipant[] = [];
  for (const p of participants) {
    const i = p.sphere !== null ? index.get(p.sphere) : undefined;
    if (i === undefined) {
      free.push(p);
      continue;
    }
    sphereOf.set(p.id, p.sphere as string);
    size[i] = (size[i] as number) + 1;
    if (p.core) core[i] = (core[i] as number) + 1;
  }
  // Water-filling: each free seat goes to the smallest sphere, so the sizes end as equal as the given allow.
  const room = spheres.map(() => 0);
  const target = [...size];
  for (let n = 0; n < free.length; n++) {
    let best = 0;
    for (let i = 1; i < spheres.length; i++) if ((target[i] as number) < (target[best] as number)) best = i;
    target[best] = (target[best] as number) + 1;
    room[best] = (room[best] as number) + 1;
  }
  const place = (p: NetworkParticipant, i: number) => {
    sphereOf.set(p.id, (spheres[i] as NetworkSphere).id);
    room[i] = (room[i] as number) - 1;
    if (p.core) core[i] = (core[i] as number) + 1;
  };
  const rank = (p: NetworkParticipant, i: number) => {
    const r = p.preferences.indexOf((spheres[i] as NetworkSphere).id);
    return r < 0 ? p.preferences.length + 1 : r;
  };
  // Core members first, each to the open sphere with the fewest core members (then by preference).
  for (const p of random.shuffle(free.filter((f) => f.core))) {
    let best = -1;
    for (let i = 0; i < spheres.length; i++) {
      if ((room[i] as number) <= 0) continue;
      if (
        best < 0 ||
        (core[i] as number) < (core[best] as number) ||
        (core[i] === core[best] && rank(p, i) < rank(p, best))
      )
        best = i;
    }
    place(p, best);
  }
  // Then the others by preference rounds: first choices that fit, then second choices, …
  const rest = random.shuffle(free.filter((f) => !f.core));
  const rounds = Math.max(0, ...rest.map((p) => p.preferences.length));
  for (let r = 0; r < rounds; r++) {
    for (const p of rest) {
      if (sphereOf.has(p.id)) continue;
      const i = index.get(p.preferences[r] ?? '');
      if (i !== undefined && (room[i] as number) > 0) place(p, i);
    }
  }
  for (const p of rest) {
    if (sphereOf.has(p.id)) continue;
    let best = 0;
    for (let i = 1; i < spheres.length; i++) if ((room[i] as number) > (room[best] as number)) best = i;
    place(p, best);
  }
  return sphereOf;
}

/** A sphere's members into `slots` profile groups of sizes as equal as possible: core first, affiliations spread. */
function dealProfileGroups(members: readonly NetworkParticipant[], slots: number, random: Random): string[][] {
  const capacity = Array.from(
    { length: slots },
    (_, k) => Math.floor(members.length / slots) + (k < members.length % slots ? 1 : 0),
  );
  const groups: NetworkParticipant[][] = Array.from({ length: slots }, () => []);
  const coreIn = (g: NetworkParticipant[]) => g.filter((m) => m.core).length;
  const sameIn = (g: NetworkParticipant[], p: NetworkParticipant) =>
    p.affiliation === null ? 0 : g.filter((m) => m.affiliation === p.affiliation).length;
  const put = (p: NetworkParticipant, score: (g: NetworkParticipant[]) => number) => {
    let best = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let k = 0; k < slots; k++) {
      const g = groups[k] as NetworkParticipant[];
      if (g.length >= (capacity[k] as number)) continue;
      // Ties go to the emptiest group, relative to its size.
      const s = score(g) + g.length / ((capacity[k] as number) + 1);
      if (s < bestScore) {
        best = k;
        bestScore = s;
      }
    }
    (groups[best] as NetworkParticipant[]).push(p);
  };
  for (const p of random.shuffle(members.filter((m) => m.core))) put(p, (g) => coreIn(g) * 100 + sameIn(g, p));
  for (const p of random.shuffle(members.filter((m) => !m.core))) put(p, (g) => sameIn(g, p));
  return groups.map((g) => g.map((m) => m.id));
}

/**
 * Groups that take at most one member of each source group: as many as the largest source has members. Each
 * source, largest first, sends its members to the groups smallest so far (sizes stay within one of each
 * other); within a source, each member goes to the chosen group where it meets the fewest of its affiliation
 * (and of core members, when it is one).
 */
function spread(
  sources: readonly (readonly string[])[],
  byId: ReadonlyMap<string, NetworkParticipant>,
  random: Random,
): string[][] {
  const count = Math.max(0, ...sources.map((s) => s.length));
  const groups: string[][] = Array.from({ length: count }, () => []);
  const order = sources.map((s, i) => ({ s, i })).sort((a, b) => b.s.length - a.s.length || a.i - b.i);
  for (const { s } of order) {
    // The smallest groups, ties in a seeded order so the same groups are not always the last to fill.
    const tie = random.shuffle(groups.map((_, i) => i));
    const rank = new Map(tie.map((g, r) => [g, r]));
    const chosen = groups
      .map((_, i) => i)
      .sort(
        (a, b) =>
          (groups[a] as string[]).length - (groups[b] as string[]).length ||
          (rank.get(a) as number) - (rank.get(b) as number),
      )
      .slice(0, s.length);
    const open = new Set(chosen);
    for (const id of random.shuffle(s)) {
      const p = byId.get(id) as NetworkParticipant;
      let best = -1;
      let bestScore = Number.POSITIVE_INFINITY;
      for (const g of chosen) {
        if (!open.has(g)) continue;
        const members = (groups[g] as string[]).map((m) => byId.get(m) as NetworkParticipant);
        const same = p.affiliation === null ? 0 : members.filter((m) => m.affiliation === p.affiliation).length;
        const core = p.core ? members.filter((m) => m.core).length : 0;
        const score = same * 10 + core;
        if (score < bestScore) {
          best = g;
          bestScore = score;
        }
      }
      open.delete(best);
      (groups[best] as string[]).push(id);
    }
  }
  return groups;
}

function measure(
  participants: readonly NetworkParticipant[],
  spheres: readonly NetworkSphere[],
  steps: readonly NetworkStep[],
  placements: ReadonlyMap<string, Placement>,
  sphereOf: ReadonlyMap<string, string>,
): NetworkQuality {
  const byId = new Map(participants.map((p) => [p.id, p]));
  const shared = new Map<string, number>();
  for (const step of steps)
    for (const g of step.groups)
      for (let i = 0; i < g.members.length; i++)
        for (let j = i + 1; j < g.members.length; j++) {
          const [a, b] = [g.members[i] as string, g.members[j] as string];
          const key = a < b ? `${a}\0${b}` : `${b}\0${a}`;
          shared.set(key, (shared.get(key) ?? 0) + 1);
        }
  const profile = steps.find((s) => s.id === 'profile')?.groups ?? [];
  const cross = steps.find((s) => s.id === 'cross')?.groups ?? [];
  const corePer = profile.map((g) => g.members.filter((m) => byId.get(m)?.core).length);
  let crossPairs = 0;
  let mixed = 0;
  let sharing = 0;
  for (const g of cross) {
    const affiliations = g.members.map((m) => byId.get(m)?.affiliation ?? null);
    const known = affiliations.filter((a): a is string => a !== null);
    if (new Set(known).size < known.length) sharing++;
    for (let i = 0; i < affiliations.length; i++)
      for (let j = i + 1; j < affiliations.length; j++) {
        crossPairs++;
        if (affiliations[i] === null || affiliations[i] !== affiliations[j]) mixed++;
      }
  }
  const withPreferences = participants.filter((p) => p.preferences.length > 0 && p.sphere === null);
  return {
    participants: participants.length,
    spheres: spheres.map((s) => ({
      id: s.id,
      size: participants.filter((p) => placements.get(p.id)?.sphere === s.id).length,
      core: participants.filter((p) => p.core && placements.get(p.id)?.sphere === s.id).length,
    })),
    steps: steps.map((s) => ({
      id: s.id,
      groups: s.groups.length,
      minSize: Math.min(...s.groups.map((g) => g.members.length)),
      maxSize: Math.max(...s.groups.map((g) => g.members.length)),
    })),
    pairsMet: shared.size,
    pairsRepeated: [...shared.values()].filter((n) => n > 1).length,
    corePerProfileGroup: { min: Math.min(...corePer), max: Math.max(...corePer) },
    profileGroupsWithoutCore: profile.filter((_, i) => corePer[i] === 0).map((g) => g.id),
    crossGroupsSharingAffiliation: sharing,
    crossAffiliationMix: crossPairs === 0 ? 1 : mixed / crossPairs,
    outsidePreferences: withPreferences.filter((p) => !p.preferences.includes(sphereOf.get(p.id) as string)).length,
  };
}
