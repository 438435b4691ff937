/** Generates a large, valid, realistic-shaped session for benchmarks: deterministic for a given size. */
export function generateSession({
  initiatives = 5000,
  controlPoints = 20000,
  resources = 10000,
  decisions = 500,
  // Strategic goals each critical priority takes: all 50 shared out by default; a few for a session whose
  // poster must fit one page (the critical priorities carry a handful of initiatives, not all of them).
  goalsPerPriority = Number.POSITIVE_INFINITY,
} = {}) {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const pad = (n, w = 5) => String(n).padStart(w, '0');
  const date = (dayOffset) => new Date(Date.UTC(2027, 0, 1) + dayOffset * 86400000).toISOString().slice(0, 10);

  const units = Array.from({ length: 60 }, (_, i) => ({
    id: `u-${i}`,
    name: `Unit ${i}`,
    kind: i < 10 ? 'site' : 'department',
    ...(i >= 10 ? { parent: `u-${i % 10}` } : {}),
  }));
  const people = Array.from({ length: 800 }, (_, i) => ({
    id: `p-${i}`,
    name: `Person ${i}`,
    role: 'Manager',
    unit: `u-${i % units.length}`,
    ...(i > 0 ? { reportsTo: `p-${Math.floor((i - 1) / 8)}` } : {}),
  }));
  const goals = Array.from({ length: 250 }, (_, i) =>
    i < 50
      ? { id: `g-${i}`, title: `Strategic goal ${i}`, level: 'strategic' }
      : {
          id: `g-${i}`,
          title: `Operational goal ${i}`,
          level: 'operational',
          parent: `g-${i % 50}`,
          leadsTo: [`g-${(i + 1) % 50}`],
        },
  );
  const priorities = [0, 1, 2].map((i) => ({
    id: `pr-${i}`,
    title: `Priority ${i}`,
    goals: goals
      .filter((_, j) => j % 3 === i && j < 50)
      .slice(0, goalsPerPriority)
      .map((g) => g.id),
  }));
  const inits = Array.from({ length: initiatives }, (_, i) => {
    const start = Math.floor(rand() * 300);
    return {
      id: `i-${pad(i)}`,
      title: `Initiative ${i}`,
      goals: [`g-${50 + (i % 200)}`],
      owner: `p-${1 + (i % 799)}`,
      team: [`p-${(i * 7) % 800}`, `p-${(i * 13) % 800}`],
      units: [`u-${i % units.length}`],
      start: date(start),
      due: date(start + 60 + Math.floor(rand() * 300)),
      // Dependencies only point backwards, so the graph is acyclic, with chains hundreds long.
      dependsOn: i > 10 && rand() < 0.6 ? [`i-${pad(i - 1 - Math.floor(rand() * 10))}`] : [],
      impact: 1 + (i % 5),
      feasibility: 1 + ((i * 3) % 5),
    };
  });
  const res = Array.from({ length: resources }, (_, i) => ({
    id: `r-${pad(i, 6)}`,
    title: `Resource ${i}`,
    kind: pick(['budget', 'specialists', 'equipment', 'other']),
    initiative: `i-${pad(i % initiatives)}`,
    quantity: 1 + (i % 9),
    unit: 'pcs',
    cost: { amount: 1000 + (i % 97) * 250 },
    neededBy: date(i % 365),
    neededFirst: i % 2 === 0,
  }));
  const cps = Array.from({ length: controlPoints }, (_, i) => {
    const kpi = i % 4 !== 0;
    const base = {
      id: `c-${pad(i, 6)}`,
      title: `Control point ${i}`,
      kind: kpi ? 'kpi' : 'milestone',
      initiative: `i-${pad(i % initiatives)}`,
      owner: `p-${i % 800}`,
      due: date(200 + (i % 150)),
    };
    if (!kpi) return { ...base, ...(i % 3 === 0 ? { measurements: [{ asOf: date(100), actual: 1 }] } : {}) };
    return {
      ...base,
      unit: '%',
      baseline: 50,
      target: 80,
      polarity: 'higher-is-better',
      thresholds: { green: 75, amber: 65 },
      frequency: 'monthly',
      measurements:
        i % 2 === 0
          ? [
              { asOf: date(90), actual: 60 + (i % 30) },
              { asOf: date(120), actual: 55 + (i % 35) },
            ]
          : [],
      countermeasures: [{ title: 'Recover', owner: `p-${i % 800}`, due: date(150) }],
    };
  });
  const decs = Array.from({ length: decisions }, (_, i) => ({
    id: `d-${pad(i, 4)}`,
    title: `Decision ${i}`,
    statement: 'We do this.',
    rationale: 'Because it pays.',
    options: [
      { title: 'This', chosen: true },
      { title: 'That', rejectedBecause: 'Costs more.' },
    ],
    deciders: [`p-${i % 800}`],
    economic: i % 2 === 0,
    ...(i % 2 === 0 ? { economics: { costs: [{ title: 'Cost', amount: { amount: 10000 } }], paybackMonths: 12 } } : {}),
    initiatives: [`i-${pad(i % initiatives)}`],
  }));
  return {
    session: {
      title: 'Generated session',
      organisation: 'Bench Co',
      date: '2027-01-01',
      currency: 'EUR',
      request: 'Stress test.',
    },
    vision: { title: 'Vision', statement: 'Be the best.' },
    units,
    people,
    goals,
    priorities,
    decisions: decs,
    initiatives: inits,
    resources: res,
    controlPoints: cps,
    followUp: {},
    poster: { keyNumbers: ['c-000001'] },
  };
}
