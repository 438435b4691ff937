import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignGroups,
  type NetworkAssignment,
  type NetworkParticipant,
  type NetworkSphere,
  swotSlots,
} from '../../src/network/index.js';

const SPHERES: NetworkSphere[] = ['governance', 'economy', 'social', 'infrastructure'].map((id) => ({
  id,
  name: id,
  slots: swotSlots('en'),
}));

function people(n: number, of: (i: number) => Partial<NetworkParticipant> = () => ({})): NetworkParticipant[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i + 1}`,
    name: `Person ${i + 1}`,
    sphere: null,
    affiliation: null,
    core: false,
    preferences: [],
    ...of(i),
  }));
}

function assigned(list: NetworkParticipant[], seed = 1): NetworkAssignment {
  const result = assignGroups(list, SPHERES, { seed });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.value;
}

const sizes = (a: NetworkAssignment, step: string) =>
  a.steps.find((s) => s.id === step)?.groups.map((g) => g.members.length) ?? [];

/** Every invariant of the rotation, checked from the groups themselves (not from the quality report). */
function checkInvariants(a: NetworkAssignment, list: readonly NetworkParticipant[]): void {
  const byId = new Map(list.map((p) => [p.id, p]));
  // Everyone is in exactly one group of each step.
  for (const step of a.steps) {
    const seen = step.groups.flatMap((g) => g.members);
    expect(new Set(seen).size, step.id).toBe(list.length);
    expect(seen.length, step.id).toBe(list.length);
  }
  // Given spheres are kept; sphere sizes differ by at most one when nobody's sphere was given.
  const sphereOf = new Map([...a.placements].map(([id, p]) => [id, p.sphere]));
  for (const p of list) if (p.sphere) expect(sphereOf.get(p.id)).toBe(p.sphere);
  if (list.every((p) => p.sphere === null)) {
    const perSphere = SPHERES.map((s) => list.filter((p) => sphereOf.get(p.id) === s.id).length);
    expect(Math.max(...perSphere) - Math.min(...perSphere)).toBeLessThanOrEqual(1);
  }
  // Profile groups: inside one sphere, sizes within one of each other per sphere.
  for (const s of SPHERES) {
    const groups = a.steps[0]?.groups.filter((g) => g.sphere === s.id) ?? [];
    expect(groups).toHaveLength(4);
    for (const g of groups) for (const m of g.members) expect(sphereOf.get(m)).toBe(s.id);
    const n = groups.map((g) => g.members.length);
    expect(Math.max(...n) - Math.min(...n)).toBeLessThanOrEqual(1);
  }
  // Each rotating step's sizes within one of each other; cross groups inside a sphere, one per profile group;
  // agreement groups one per sphere, same component.
  const profileOf = new Map(a.steps[0]?.groups.flatMap((g) => g.members.map((m) => [m, g.id] as const)));
  const even = list.every((p) => p.sphere === null);
  for (const step of a.steps.slice(1)) {
    // Sizes within one of each other: inside a sphere (cross) or a component (agreement), and across the
    // whole step when the spheres are even.
    const within = (key: (g: (typeof step.groups)[number]) => unknown) => {
      const by = new Map<unknown, number[]>();
      for (const g of step.groups) by.set(key(g), [...(by.get(key(g)) ?? []), g.members.length]);
      for (const n of by.values()) expect(Math.max(...n) - Math.min(...n), step.id).toBeLessThanOrEqual(1);
    };
    within(step.id === 'cross' ? (g) => g.sphere : (g) => g.slot);
    if (even) within(() => 0);
    for (const g of step.groups) {
      if (step.id === 'cross') {
        expect(new Set(g.members.map((m) => sphereOf.get(m))).size).toBe(1);
        expect(new Set(g.members.map((m) => profileOf.get(m))).size).toBe(g.members.length);
      } else {
        expect(new Set(g.members.map((m) => sphereOf.get(m))).size).toBe(g.members.length);
        expect(new Set(g.members.map((m) => a.placements.get(m)?.slot)).size).toBe(1);
      }
    }
  }
  // No two participants share more than one group across the rotating steps.
  const together = new Map<string, number>();
  for (const step of a.steps)
    for (const g of step.groups)
      for (const x of g.members)
        for (const y of g.members) if (x < y) together.set(`${x} ${y}`, (together.get(`${x} ${y}`) ?? 0) + 1);
  expect(Math.max(...together.values())).toBe(1);
  expect(a.quality.pairsRepeated).toBe(0);
  // Core members: every profile group has one wherever its sphere has at least as many as it has groups.
  for (const s of SPHERES) {
    const core = list.filter((p) => p.core && sphereOf.get(p.id) === s.id).length;
    const groups = a.steps[0]?.groups.filter((g) => g.sphere === s.id) ?? [];
    const withCore = groups.filter((g) => g.members.some((m) => byId.get(m)?.core)).length;
    expect(withCore).toBe(Math.min(core, groups.length));
    if (core < groups.length) expect(a.warnings.some((w) => w.code === 'network/core-short')).toBe(true);
  }
}

describe('assignGroups', () => {
  it('80 participants, 20 per sphere: 16 profile groups of 5, 20 cross groups of 4, 20 agreement groups of 4', () => {
    const list = people(80, (i) => ({ sphere: SPHERES[i % 4]?.id ?? null, core: i < 20 }));
    const a = assigned(list);
    expect(sizes(a, 'profile')).toEqual(Array(16).fill(5));
    expect(sizes(a, 'cross')).toEqual(Array(20).fill(4));
    expect(sizes(a, 'agreement')).toEqual(Array(20).fill(4));
    checkInvariants(a, list);
    expect(a.quality.profileGroupsWithoutCore).toEqual([]);
    // Each person meets 4 + 3 + 3 others, all different: 80 × 10 / 2 pairs.
    expect(a.quality.pairsMet).toBe(400);
  });

  it('uneven counts give sizes as equal as possible', () => {
    for (const n of [61, 67, 121]) {
      const list = people(n, (i) => ({ core: i % 5 === 0 }));
      const a = assigned(list, n);
      checkInvariants(a, list);
      for (const step of ['profile', 'cross', 'agreement']) {
        const s = sizes(a, step);
        expect(Math.max(...s) - Math.min(...s), `${n} ${step}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('is deterministic for a seed, and another seed gives another rotation', () => {
    const list = people(70, (i) => ({ core: i % 4 === 0, affiliation: `org${i % 9}` }));
    const a = JSON.stringify(assigned(list, 7).steps);
    expect(JSON.stringify(assigned(list, 7).steps)).toBe(a);
    expect(JSON.stringify(assigned(list, 8).steps)).not.toBe(a);
  });

  it('places free participants by preference while keeping the spheres even', () => {
    const list = people(40, (i) => ({ preferences: i < 10 ? ['economy'] : i < 20 ? ['social', 'economy'] : [] }));
    const a = assigned(list);
    for (let i = 0; i < 10; i++) expect(a.placements.get(`p${i + 1}`)?.sphere).toBe('economy');
    for (let i = 10; i < 20; i++) expect(a.placements.get(`p${i + 1}`)?.sphere).toBe('social');
    expect(a.quality.outsidePreferences).toBe(0);
    checkInvariants(a, list);
  });

  it('spreads core members over the spheres and profile groups', () => {
    const list = people(80, (i) => ({ core: i < 16 }));
    const a = assigned(list);
    expect(a.quality.spheres.map((s) => s.core)).toEqual([4, 4, 4, 4]);
    expect(a.quality.corePerProfileGroup).toEqual({ min: 1, max: 1 });
  });

  it('mixes affiliations in cross groups when it can', () => {
    // Four organisations, five people of each in every sphere: a cross group of four can hold one of each.
    const list = people(80, (i) => ({
      sphere: SPHERES[i % 4]?.id ?? null,
      affiliation: `org${Math.floor(i / 4) % 4}`,
    }));
    const a = assigned(list, 3);
    checkInvariants(a, list);
    expect(a.quality.crossGroupsSharingAffiliation).toBeLessThanOrEqual(4);
    expect(a.quality.crossAffiliationMix).toBeGreaterThan(0.9);
  });

  it('stops with a diagnostic when a sphere cannot fill its profile groups', () => {
    const list = people(30, (i) => ({ sphere: i < 3 ? 'economy' : 'social' }));
    const result = assignGroups(list, SPHERES, { seed: 1, locale: 'uk' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const codes = result.diagnostics.map((d) => d.code);
    expect(codes).toContain('network/sphere-too-small');
    expect(result.diagnostics[0]?.message).toMatch(/учасників/);
    expect(result.diagnostics[0]?.hint).toBeTruthy();
    const few = assignGroups(people(10), SPHERES, { seed: 1 });
    expect(few.ok || few.diagnostics[0]?.code).toBe('network/too-few-participants');
  });

  it('holds its invariants for 40–160 participants with random spheres, affiliations and core members', () => {
    const participant = fc.record({
      sphere: fc.option(fc.constantFrom(...SPHERES.map((s) => s.id)), { freq: 3 }),
      affiliation: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { freq: 4 }),
      core: fc.boolean(),
      preferences: fc.subarray(SPHERES.map((s) => s.id)),
    });
    fc.assert(
      fc.property(fc.array(participant, { minLength: 40, maxLength: 160 }), fc.nat(), (drawn, seed) => {
        const list = drawn.map((p, i) => ({ id: `p${i}`, name: `P${i}`, ...p }));
        const result = assignGroups(list, SPHERES, { seed });
        if (!result.ok) {
          // Only when a given sphere is too small to fill its four profile groups, and then it says which.
          const counts = SPHERES.map((s) => list.filter((p) => p.sphere === s.id).length);
          const free = list.filter((p) => p.sphere === null).length;
          expect(result.diagnostics.every((d) => d.code === 'network/sphere-too-small' && d.hint)).toBe(true);
          expect(counts.reduce((short, c) => short + Math.max(0, 4 - c), 0)).toBeGreaterThan(free);
          return;
        }
        checkInvariants(result.value, list);
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });
});
