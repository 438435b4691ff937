import { isKnownTimeZone } from '../calendar/time-zone.js';
import type { Diagnostic, PathSegment } from '../diagnostics/diagnostic.js';
import { formatPath } from '../diagnostics/diagnostic.js';
import { describeIssue, type EntityKind, kindName, type ValidationCode } from '../diagnostics/messages.js';
import { suggest } from '../diagnostics/suggest.js';
import { DEFAULT_SPHERE_IDS, type Locale, type SessionInput } from '../schema/index.js';

/** The collections of the session that hold entities with ids. */
export type Collection =
  | 'spheres'
  | 'units'
  | 'people'
  | 'goals'
  | 'priorities'
  | 'decisions'
  | 'initiatives'
  | 'resources'
  | 'controlPoints'
  | 'actions'
  | 'risks'
  | 'parkingLot'
  | 'swot'
  | 'tows'
  | 'participants'
  | 'agenda';

/** The entity kind held by each collection. */
export const COLLECTION_KINDS: Record<Collection, EntityKind> = {
  spheres: 'sphere',
  units: 'unit',
  people: 'person',
  goals: 'goal',
  priorities: 'priority',
  decisions: 'decision',
  initiatives: 'initiative',
  resources: 'resource',
  controlPoints: 'controlPoint',
  actions: 'action',
  risks: 'risk',
  parkingLot: 'parkingItem',
  swot: 'swotItem',
  tows: 'towsStrategy',
  participants: 'participant',
  agenda: 'agendaBlock',
};

/**
 * Every reference field of the session: where it is (`*` walks a list) and which collections it may point into.
 * The single table that validation walks; the model resolves the same fields by name.
 */
const REFERENCES: ReadonlyArray<readonly [string, readonly Collection[]]> = [
  ['units.*.parent', ['units']],
  ['units.*.head', ['people']],
  ['units.*.sphere', ['spheres']],
  ['people.*.unit', ['units']],
  ['people.*.reportsTo', ['people']],
  ['vision.directions.*.sphere', ['spheres']],
  ['goals.*.parent', ['goals']],
  ['goals.*.leadsTo.*', ['goals']],
  ['goals.*.owner', ['people']],
  ['priorities.*.goals.*', ['goals']],
  ['priorities.*.owner', ['people']],
  ['decisions.*.deciders.*', ['people']],
  ['decisions.*.consulted.*', ['people']],
  ['decisions.*.informed.*', ['people', 'units']],
  ['decisions.*.supersedes', ['decisions']],
  ['decisions.*.goals.*', ['goals']],
  ['decisions.*.initiatives.*', ['initiatives']],
  ['initiatives.*.goals.*', ['goals']],
  ['initiatives.*.priority', ['priorities']],
  ['initiatives.*.owner', ['people']],
  ['initiatives.*.accountableTo', ['people']],
  ['initiatives.*.team.*', ['people']],
  ['initiatives.*.units.*', ['units']],
  ['initiatives.*.dependsOn.*', ['initiatives']],
  ['resources.*.initiative', ['initiatives']],
  ['resources.*.owner', ['people']],
  ['controlPoints.*.initiative', ['initiatives']],
  ['controlPoints.*.goal', ['goals']],
  ['controlPoints.*.owner', ['people']],
  ['controlPoints.*.units.*', ['units']],
  ['controlPoints.*.countermeasures.*.owner', ['people']],
  ['actions.*.owner', ['people']],
  ['actions.*.initiative', ['initiatives']],
  ['risks.*.owner', ['people']],
  ['risks.*.initiative', ['initiatives']],
  ['parkingLot.*.owner', ['people']],
  ['parkingLot.*.raisedBy', ['people']],
  ['swot.*.sphere', ['spheres']],
  ['tows.*.cites.*', ['swot']],
  ['tows.*.goals.*', ['goals']],
  ['participants.*.sphere', ['spheres']],
  ['participants.*.preferences.*', ['spheres']],
  ['participants.*.person', ['people']],
  ['agenda.*.preparation.*.owner', ['people']],
  ['poster.keyNumbers.*', ['controlPoints']],
  ['followUp.recipients.*', ['people', 'units']],
];

type Ids = Map<Collection, Map<string, number>>;

/** Checks ids, references, cycles, date order and currencies of schema-valid input; collects every problem. */
export function checkReferences(input: SessionInput, locale: Locale): Diagnostic[] {
  const out: Diagnostic[] = [];
  const issue = (
    code: ValidationCode,
    path: readonly PathSegment[],
    params: Record<string, string | number> = {},
    severity: Diagnostic['severity'] = 'error',
  ) => out.push({ code, severity, path, ...describeIssue(code, locale, params) });

  if (!isKnownTimeZone(input.session.timezone))
    issue('timezone/unknown', ['session', 'timezone'], { value: input.session.timezone });
  const ids: Ids = new Map();
  for (const collection of Object.keys(COLLECTION_KINDS) as Collection[]) {
    const index = new Map<string, number>();
    (input[collection] as ReadonlyArray<{ id: string }>).forEach((entity, i) => {
      const first = index.get(entity.id);
      if (first !== undefined) {
        issue('id/duplicate', [collection, i, 'id'], {
          id: entity.id,
          collection,
          first: formatPath([collection, first, 'id']),
        });
      } else index.set(entity.id, i);
    });
    ids.set(collection, index);
  }
  if (input.spheres.length === 0) ids.set('spheres', new Map(DEFAULT_SPHERE_IDS.map((id, i) => [id, i])));

  for (const [pattern, targets] of REFERENCES) {
    walk(input, pattern.split('.'), 0, [], (value, path) => {
      if (typeof value !== 'string') return;
      if (targets.some((t) => ids.get(t)?.has(value))) return;
      const candidates = targets.flatMap((t) => [...(ids.get(t)?.keys() ?? [])]);
      const suggestion = suggest(value, candidates);
      issue('ref/unknown', [...path], {
        kind: targets.map((t) => kindName(COLLECTION_KINDS[t], locale)).join(' / '),
        id: value,
        collection: targets.join(' / '),
        ...(suggestion ? { suggestion } : {}),
      });
    });
  }

  checkCycles(input.initiatives, (x) => x.dependsOn, 'dependsOn', 'initiatives', 'cycle/depends-on', ids, issue);
  checkCycles(input.goals, (x) => (x.parent ? [x.parent] : []), 'parent', 'goals', 'cycle/goal-parent', ids, issue);
  checkCycles(input.units, (x) => (x.parent ? [x.parent] : []), 'parent', 'units', 'cycle/unit-parent', ids, issue);
  checkCycles(
    input.people,
    (x) => (x.reportsTo ? [x.reportsTo] : []),
    'reportsTo',
    'people',
    'cycle/reports-to',
    ids,
    issue,
  );
  checkCycles(
    input.decisions,
    (x) => (x.supersedes ? [x.supersedes] : []),
    'supersedes',
    'decisions',
    'cycle/supersedes',
    ids,
    issue,
  );

  const order = (
    earlierPath: PathSegment[],
    earlier: string | undefined,
    laterPath: PathSegment[],
    later: string | undefined,
  ) => {
    if (earlier && later && later < earlier) {
      issue('date/order', laterPath, {
        later: String(laterPath[laterPath.length - 1]),
        laterValue: later,
        earlier: String(earlierPath[earlierPath.length - 1]),
        earlierValue: earlier,
      });
    }
  };
  order(['session', 'date'], input.session.date, ['session', 'endDate'], input.session.endDate);
  input.initiatives.forEach((x, i) => {
    order(['initiatives', i, 'start'], x.start, ['initiatives', i, 'due'], x.due);
  });

  if (!input.session.currency) {
    const missing = (path: PathSegment[], money: { currency?: string | undefined } | undefined) => {
      if (money && !money.currency) issue('money/currency-missing', path);
    };
    input.decisions.forEach((d, i) => {
      for (const [j, c] of (d.economics?.costs ?? []).entries())
        missing(['decisions', i, 'economics', 'costs', j, 'amount'], c.amount);
      for (const [j, b] of (d.economics?.benefits ?? []).entries())
        missing(['decisions', i, 'economics', 'benefits', j, 'amount'], b.amount);
    });
    for (const [i, r] of input.resources.entries()) missing(['resources', i, 'cost'], r.cost);
  }

  const letterOf: Record<string, string> = { strengths: 'S', weaknesses: 'W', opportunities: 'O', threats: 'T' };
  const componentName: Record<string, string> = { S: 'strengths', W: 'weaknesses', O: 'opportunities', T: 'threats' };
  const swotIndex = ids.get('swot') as Map<string, number>;
  input.tows.forEach((strategy, i) => {
    const letters = new Set(
      strategy.cites.map((id) => {
        const at = swotIndex.get(id);
        return at === undefined ? '' : (letterOf[input.swot[at]?.component ?? ''] ?? '');
      }),
    );
    for (const letter of strategy.kind) {
      if (!letters.has(letter)) {
        issue(
          'tows/cites-mismatch',
          ['tows', i, 'cites'],
          { kind: strategy.kind, missing: componentName[letter] ?? letter },
          'warning',
        );
      }
    }
  });
  return out;
}

/**
 * Visits the values at `pattern` (keys, `*` for every item of an array) from `pattern[at]` on. `path` is where the
 * walk is, one array pushed and popped on the way (a session has thousands of references): copy it to keep it.
 */
function walk(
  value: unknown,
  pattern: readonly string[],
  at: number,
  path: PathSegment[],
  visit: (v: unknown, p: readonly PathSegment[]) => void,
): void {
  if (at === pattern.length) {
    visit(value, path);
    return;
  }
  const head = pattern[at] as string;
  if (head === '*') {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walk(value[i], pattern, at + 1, path, visit);
      path.pop();
    }
    return;
  }
  if (value && typeof value === 'object' && head in value) {
    path.push(head);
    walk((value as Record<string, unknown>)[head], pattern, at + 1, path, visit);
    path.pop();
  }
}

function checkCycles<T extends { id: string }>(
  items: readonly T[],
  edges: (item: T) => readonly string[],
  field: string,
  collection: Collection,
  code: ValidationCode,
  ids: Ids,
  issue: (code: ValidationCode, path: readonly PathSegment[], params: Record<string, string | number>) => void,
): void {
  const index = ids.get(collection) as Map<string, number>;
  const state = new Uint8Array(items.length); // 0 new, 1 on the stack, 2 done
  for (let root = 0; root < items.length; root++) {
    if (state[root] !== 0) continue;
    // Iterative depth-first search: dependency chains in generated sessions can be thousands long.
    const stack: Array<{ node: number; next: number }> = [{ node: root, next: 0 }];
    state[root] = 1;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { node: number; next: number };
      const targets = edges(items[frame.node] as T);
      if (frame.next >= targets.length) {
        state[frame.node] = 2;
        stack.pop();
        continue;
      }
      const target = index.get(targets[frame.next++] as string);
      if (target === undefined) continue;
      if (state[target] === 0) {
        state[target] = 1;
        stack.push({ node: target, next: 0 });
      } else if (state[target] === 1) {
        const from = stack.findIndex((f) => f.node === target);
        const members = stack.slice(from).map((f) => (items[f.node] as T).id);
        issue(code, [collection, target, field], { chain: [...members, members[0]].join(' → ') });
      }
    }
  }
}
