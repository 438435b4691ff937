import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, LINT_RULES, lintRulesMarkdown, lintSession, validateSession } from '../../src/index.js';
import { ROOT, starter } from '../helpers/sessions.js';

// biome-ignore lint/suspicious/noExplicitAny: the raw session is mutated freely
type Raw = any;

/** Lints raw session data; validation must pass so the test exercises the linter, not the validator. */
function lint(raw: Raw) {
  const validated = validateSession(raw);
  if (!validated.ok) throw new Error(JSON.stringify(validated.diagnostics, null, 2));
  return lintSession(buildModel(validated.value));
}

/** For every rule: a change to the clean starter session that must make it fire, and where. */
const CASES: Record<string, { mutate: (s: Raw) => void; path: (string | number)[] }> = {
  'P1-statement-missing': { mutate: (s) => delete s.decisions[0].statement, path: ['decisions', 0, 'statement'] },
  'P1-rationale-missing': { mutate: (s) => delete s.decisions[0].rationale, path: ['decisions', 0, 'rationale'] },
  'P1-economics-missing': { mutate: (s) => delete s.decisions[0].economics, path: ['decisions', 0, 'economics'] },
  'P1-option-missing': {
    mutate: (s) => {
      s.decisions[0].options = [{ title: 'Phone app', chosen: true }];
    },
    path: ['decisions', 0, 'options'],
  },
  'P1-rejection-reason-missing': {
    mutate: (s) => delete s.decisions[0].options[1].rejectedBecause,
    path: ['decisions', 0, 'options', 1, 'rejectedBecause'],
  },
  'P1-decider-missing': {
    mutate: (s) => {
      s.decisions[0].deciders = [];
    },
    path: ['decisions', 0, 'deciders'],
  },
  'P1-decision-unlinked': {
    mutate: (s) => {
      s.decisions[0].goals = [];
      s.decisions[0].initiatives = [];
    },
    path: ['decisions', 0],
  },
  'P1-discussion-not-decision': {
    mutate: (s) => {
      s.decisions[0].rationale = 'First the logistics team described the delays at length. '.repeat(25);
    },
    path: ['decisions', 0],
  },
  'P1-superseded-without-successor': {
    mutate: (s) => {
      s.decisions[0].status = 'superseded';
    },
    path: ['decisions', 0, 'status'],
  },
  'P1-superseded-still-active': {
    mutate: (s) => {
      s.decisions.push({ ...structuredClone(s.decisions[0]), id: 'd-2', supersedes: 'd-near-miss-app' });
    },
    path: ['decisions', 1, 'supersedes'],
  },
  'P2-owner-missing': { mutate: (s) => delete s.initiatives[1].owner, path: ['initiatives', 1, 'owner'] },
  'P2-accountable-to-missing': {
    mutate: (s) => delete s.people[2].reportsTo,
    path: ['initiatives', 1, 'accountableTo'],
  },
  'P2-due-missing': { mutate: (s) => delete s.initiatives[1].due, path: ['initiatives', 1, 'due'] },
  'P2-start-missing': { mutate: (s) => delete s.initiatives[1].start, path: ['initiatives', 1, 'start'] },
  'P2-resources-missing': {
    mutate: (s) => {
      s.resources = s.resources.filter((r: Raw) => r.initiative !== 'i-dock-slots');
    },
    path: ['initiatives', 1],
  },
  'P2-resource-quantity-missing': {
    mutate: (s) => {
      delete s.resources[0].quantity;
      delete s.resources[0].cost;
    },
    path: ['resources', 0, 'quantity'],
  },
  'P2-resource-need-date-missing': {
    mutate: (s) => delete s.resources[1].neededBy,
    path: ['resources', 1, 'neededBy'],
  },
  'P2-first-resources-unmarked': {
    mutate: (s) => {
      s.resources[0].neededFirst = false;
    },
    path: ['initiatives', 0],
  },
  'P2-action-unassigned': { mutate: (s) => delete s.actions[0].owner, path: ['actions', 0, 'owner'] },
  'P3-vision-missing': { mutate: (s) => delete s.vision, path: ['vision'] },
  'P3-initiative-orphan': {
    mutate: (s) => {
      s.initiatives[1].goals = [];
    },
    path: ['initiatives', 1, 'goals'],
  },
  'P3-goal-no-path': {
    mutate: (s) => {
      s.goals.push({ id: 'g-floating', title: 'Tidy warehouse', level: 'operational' });
    },
    path: ['goals', 3, 'parent'],
  },
  'P3-focus-lost': {
    mutate: (s) => {
      s.priorities.push(
        { id: 'pr-3', title: 'Three', goals: ['g-safety'] },
        { id: 'pr-4', title: 'Four', goals: ['g-delivery'] },
      );
    },
    path: ['priorities'],
  },
  'P3-priority-missing': {
    mutate: (s) => {
      for (const p of s.priorities) p.critical = false;
    },
    path: ['priorities'],
  },
  'P3-priority-empty': {
    mutate: (s) => {
      s.priorities[1].goals = [];
    },
    path: ['priorities', 1, 'goals'],
  },
  'P3-dependency-order': {
    mutate: (s) => {
      s.initiatives[0].dependsOn = ['i-dock-slots'];
    },
    path: ['initiatives', 0, 'dependsOn', 0],
  },
  'P4-control-point-missing': { mutate: (s) => delete s.controlPoints[2].initiative, path: ['initiatives', 1] },
  'P4-control-point-incomplete': {
    mutate: (s) => delete s.controlPoints[0].baseline,
    path: ['controlPoints', 0, 'baseline'],
  },
  'P4-kpi-polarity-missing': {
    mutate: (s) => delete s.controlPoints[2].polarity,
    path: ['controlPoints', 2, 'polarity'],
  },
  'P4-kpi-thresholds-missing': {
    mutate: (s) => delete s.controlPoints[2].thresholds,
    path: ['controlPoints', 2, 'thresholds'],
  },
  'P4-thresholds-inverted': {
    mutate: (s) => {
      s.controlPoints[2].thresholds = { green: 93, amber: 95 };
    },
    path: ['controlPoints', 2, 'thresholds'],
  },
  'P4-plan-missing': {
    mutate: (s) => {
      s.controlPoints[2].thresholds = { green: 100, amber: 95, basis: 'plan' };
    },
    path: ['controlPoints', 2, 'plan'],
  },
  'P4-milestone-outside-initiative': {
    mutate: (s) => {
      s.controlPoints[1].due = '2027-08-15';
    },
    path: ['controlPoints', 1, 'due'],
  },
  'P4-red-without-countermeasure': {
    mutate: (s) => {
      s.controlPoints[0].measurements = [{ asOf: '2027-04-30', actual: 4.0 }];
    },
    path: ['controlPoints', 0, 'countermeasures'],
  },
  'P4-frequency-missing': {
    mutate: (s) => delete s.controlPoints[2].frequency,
    path: ['controlPoints', 2, 'frequency'],
  },
  'P4-control-point-unlinked': {
    mutate: (s) => {
      delete s.controlPoints[2].initiative;
      delete s.controlPoints[2].goal;
    },
    path: ['controlPoints', 2],
  },
  'P5-request-missing': { mutate: (s) => delete s.session.request, path: ['session', 'request'] },
  'P5-unit-no-line-of-sight': {
    mutate: (s) => {
      s.units.push({ id: 'u-hr', name: 'Human resources' });
    },
    path: ['units', 2],
  },
  'P5-parking-owner-missing': { mutate: (s) => delete s.parkingLot[0].owner, path: ['parkingLot', 0, 'owner'] },
  'P5-vision-too-long': {
    mutate: (s) => {
      s.vision.statement = 'We will be the safest and most punctual supplier in the region. '.repeat(5);
    },
    path: ['vision', 'statement'],
  },
  'P5-key-numbers-missing': { mutate: (s) => delete s.poster, path: ['poster', 'keyNumbers'] },
  'P5-follow-up-missing': { mutate: (s) => delete s.followUp, path: ['followUp'] },
};

describe('five-principle lint rules', () => {
  const clean = lint(starter());

  it('finds nothing in the clean starter session', () => {
    expect(clean).toEqual([]);
  });

  it('has at least 20 rules, each with a test case', () => {
    expect(LINT_RULES.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(CASES).sort()).toEqual(LINT_RULES.map((r) => r.code).sort());
  });

  for (const rule of LINT_RULES) {
    describe(rule.code, () => {
      it('fires on a session that breaks it, at the offending path', () => {
        const raw = starter();
        const testCase = CASES[rule.code];
        expect(testCase, `no test case for ${rule.code}`).toBeDefined();
        testCase?.mutate(raw);
        const hits = lint(raw).filter((f) => f.code === rule.code);
        expect(hits.length).toBeGreaterThan(0);
        expect(hits[0]?.path).toEqual(testCase?.path);
        expect(hits[0]?.severity).toBe(rule.severity);
        expect(hits[0]?.principle).toBe(rule.principle);
        expect(hits[0]?.message).not.toMatch(/\{\w+\}/);
        expect(hits[0]?.hint).not.toMatch(/\{\w+\}/);
      });

      it('does not fire on the clean session', () => {
        expect(clean.filter((f) => f.code === rule.code)).toEqual([]);
      });

      it('speaks Russian and Ukrainian', () => {
        const raw = starter();
        CASES[rule.code]?.mutate(raw);
        const validated = validateSession(raw);
        if (!validated.ok) throw new Error('invalid');
        const model = buildModel(validated.value);
        const ru = lintSession(model, { locale: 'ru' }).find((f) => f.code === rule.code);
        const uk = lintSession(model, { locale: 'uk' }).find((f) => f.code === rule.code);
        expect(ru?.message).toMatch(/[а-яё]/i);
        expect(uk?.message).toMatch(/[а-яґєії]/i);
        expect(ru?.message).not.toBe(uk?.message);
      });
    });
  }

  it('lets a rule be turned off or its severity changed', () => {
    const raw = starter();
    delete raw.session.request;
    const validated = validateSession(raw);
    if (!validated.ok) throw new Error('invalid');
    const model = buildModel(validated.value);
    expect(lintSession(model, { rules: { 'P5-request-missing': 'off' } })).toEqual([]);
    expect(lintSession(model, { rules: { 'P5-request-missing': 'error' } })[0]?.severity).toBe('error');
  });
});

describe('docs/lint-rules.md', () => {
  it('is generated from the rules and committed up to date (run `npm run docs`)', () => {
    const committed = readFileSync(join(ROOT, 'docs', 'lint-rules.md'), 'utf8');
    expect(committed).toBe(lintRulesMarkdown());
    for (const rule of LINT_RULES) expect(committed).toContain(`\`${rule.code}\``);
  });
});
