// Group assignment benchmark: node tests/bench/network-case.mjs
// Assigns 120 and 1,000 participants (random spheres left empty for a third, preferences, affiliations and
// core members, fixed seed) to the four spheres' profile, cross and agreement groups, and prints the median
// time of several runs with the quality figures that matter. Target: under 200 ms for 120 participants.
import { performance } from 'node:perf_hooks';
import { assignGroups, seededRandom, swotSlots } from '../../dist/index.js';

const SPHERES = ['governance', 'economy', 'social', 'infrastructure'].map((id) => ({
  id,
  name: id,
  slots: swotSlots('en'),
}));

function participants(n, seed) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random.next() * list.length)];
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i + 1}`,
    name: `Participant ${i + 1}`,
    sphere: random.next() < 0.66 ? pick(SPHERES).id : null,
    affiliation: `org${Math.floor(random.next() * Math.max(8, n / 12))}`,
    core: random.next() < 0.2,
    preferences: random.shuffle(SPHERES.map((s) => s.id)).slice(0, Math.floor(random.next() * 3)),
  }));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
for (const n of [120, 1000]) {
  const list = participants(n, n);
  const times = [];
  let last;
  for (let run = 0; run < (n > 500 ? 5 : 15); run++) {
    const t0 = performance.now();
    last = assignGroups(list, SPHERES, { seed: 42 + run });
    times.push(performance.now() - t0);
  }
  if (!last.ok) throw new Error(`assignment of ${n} failed: ${last.diagnostics[0]?.message}`);
  const q = last.value.quality;
  results.push({
    participants: n,
    median_ms: median(times.slice(1)),
    first_ms: times[0],
    groups: q.steps.map((s) => `${s.id} ${s.groups}×${s.minSize}–${s.maxSize}`).join(', '),
    pairs_repeated: q.pairsRepeated,
    profile_groups_without_core: q.profileGroupsWithoutCore.length,
  });
}
console.log(JSON.stringify(results));
