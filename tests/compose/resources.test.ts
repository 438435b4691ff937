import { describe, expect, it } from 'vitest';
import {
  buildDocuments,
  buildModel,
  composeResources,
  formatMoney,
  nodeEnv,
  RACI_COLUMNS,
  shortName,
  validateSession,
  validateSessionText,
} from '../../src/index.js';
import { FIXTURES, fixtureData, fixtureText, starter } from '../helpers/sessions.js';

function view(name: string) {
  const validated = validateSessionText(fixtureText(name), { fileName: name });
  if (!validated.ok) throw new Error('invalid fixture');
  return composeResources(buildModel(validated.value));
}

// biome-ignore lint/suspicious/noExplicitAny: the raw fixture is read as plain data
type Raw = any;

/** The raw fixture, with what the document should add up computed straight from it. */
function raw(name: string) {
  const data = fixtureData(name) as Raw;
  const currency = (cost: Raw): string => cost.currency ?? data.session.currency;
  const cancelled = new Set(
    (data.initiatives as Raw[]).filter((n) => n.status === 'cancelled').map((n) => n.id as string),
  );
  const resources = (data.resources as Raw[]).filter((r) => !cancelled.has(r.initiative));
  const total: Record<string, number> = {};
  const months = new Map<string, number>();
  for (const r of resources) {
    if (!r.cost) continue;
    total[currency(r.cost)] = (total[currency(r.cost)] ?? 0) + r.cost.amount;
    const start = (data.initiatives as Raw[]).find((n) => n.id === r.initiative)?.start;
    const spread: Raw[] = r.schedule?.length
      ? r.schedule
      : (r.neededBy ?? start)
        ? [{ month: (r.neededBy ?? start).slice(0, 7), amount: r.cost.amount }]
        : [];
    for (const m of spread) months.set(m.month, (months.get(m.month) ?? 0) + m.amount);
  }
  const people = new Map<string, string>((data.people as Raw[]).map((p) => [p.id, p.name]));
  const live = (data.initiatives as Raw[]).filter((n) => n.status !== 'cancelled');
  return { data, resources, total, months, people, live };
}

/** The figure of a formatted whole amount in one currency: "548 970 000 ₽" → 548970000. */
const figure = (text: string | null | undefined) => Number((text ?? '0').replace(/[^\d]/g, ''));
const sum = (values: readonly (string | null | undefined)[]) => values.reduce((s, v) => s + figure(v), 0);

describe('composeResources (principle 2: who does what, with which resources, when)', () => {
  for (const name of FIXTURES) {
    it(`${name}: a plain, JSON-safe view (snapshot)`, () => {
      const v = view(name);
      expect(JSON.parse(JSON.stringify(v))).toEqual(v);
      expect(v).toMatchSnapshot();
    });

    it(`${name}: every total shown adds up to the resources' costs`, () => {
      const v = view(name);
      const { total, months, data } = raw(name);
      const currencies = Object.keys(total);
      expect(currencies).toHaveLength(1);
      const [currency] = currencies as [string];
      const amount = total[currency] as number;
      expect(Number.isInteger(amount)).toBe(true);
      expect(v.total).toBe(formatMoney(amount, currency, data.session.locale));
      expect(sum(v.byKind.map((k) => k.amount))).toBe(amount);
      expect(sum(v.byInitiative.map((n) => n.amount))).toBe(amount);
      expect(sum(v.plan.total.cells)).toBe(amount);
      expect(figure(v.plan.total.total)).toBe(amount);
      // Month by month, and what no month carries.
      expect(v.plan.months.map((m) => m.month)).toEqual([...months.keys()].sort());
      for (const m of v.plan.months) {
        expect(figure(m.total), m.label).toBe(months.get(m.month as string));
        expect(sum(m.cells), m.label).toBe(months.get(m.month as string));
      }
      const scheduled = [...months.values()].reduce((s, x) => s + x, 0);
      expect(figure(v.plan.unscheduled?.total ?? null)).toBe(amount - scheduled);
      // Each kind's column adds up to the kind's total.
      v.plan.kinds.forEach((kind, i) => {
        const column = [...v.plan.months, ...(v.plan.unscheduled ? [v.plan.unscheduled] : [])].map((m) => m.cells[i]);
        expect(sum(column), kind).toBe(figure(v.byKind.find((k) => k.kind === kind)?.amount ?? null));
      });
      expect(v.counts.resources).toBe(raw(name).resources.length);
    });

    it(`${name}: every live initiative is in the work table and the responsibility matrix with its owner`, () => {
      const v = view(name);
      const { live, people } = raw(name);
      expect(v.work.map((w) => w.id)).toEqual(expect.arrayContaining(live.map((n: Raw) => n.id)));
      expect(v.work).toHaveLength(live.length);
      expect(v.raci.people.length).toBeLessThanOrEqual(RACI_COLUMNS);
      for (const n of live) {
        const owner = n.owner ? (people.get(n.owner) as string) : null;
        expect(v.work.find((w) => w.id === n.id)?.owner, n.id).toBe(owner);
        const row = v.raci.rows.find((r) => r.id === n.id);
        expect(row, n.id).toBeDefined();
        if (!owner || !row) continue;
        const column = v.raci.people.findIndex((p) => p.name === owner);
        if (column >= 0) {
          expect(row.cells[column], n.id).toBe('A');
          expect(row.accountable).toBeNull();
        } else {
          expect(row.accountable, n.id).toBe(shortName(owner, v.language));
          const listed = v.raci.others.find((o) => o.name === owner);
          expect(listed?.roles.find((r) => r.role === 'A')?.initiatives).toContain(n.title);
        }
        // One accountable person per initiative.
        expect(row.cells.filter((c) => c === 'A').length).toBeLessThanOrEqual(1);
      }
      // Nobody is both a column and listed below the matrix.
      for (const o of v.raci.others) expect(v.raci.people.some((p) => p.name === o.name)).toBe(false);
    });

    it(`${name}: the resources needed first, sorted by date`, () => {
      const v = view(name);
      const flagged = raw(name).resources.filter((r: Raw) => r.neededFirst);
      expect(v.neededFirstFlagged).toBe(flagged.length > 0);
      expect(v.neededFirst.map((r) => r.id).sort()).toEqual(flagged.map((r: Raw) => r.id).sort());
      const dates = v.neededFirst.map((r) => r.isoNeededBy ?? '9999');
      expect(dates).toEqual([...dates].sort());
    });

    it(`${name}: the template renders the view`, async () => {
      const result = await buildDocuments(fixtureData(name), nodeEnv(), {
        artifacts: ['resources'],
        formats: ['html'],
      });
      if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
      const html = new TextDecoder().decode(result.value.outputs[0]?.data);
      const v = view(name);
      for (const w of v.work) expect(html).toContain(htmlText(w.title));
      if (v.total) expect(html).toContain(v.total);
    });
  }

  it('without resources marked first, lists those needed earliest', () => {
    const s = starter();
    for (const r of s.resources) r.neededFirst = false;
    const validated = validateSession(s);
    if (!validated.ok) throw new Error('invalid');
    const v = composeResources(buildModel(validated.value));
    expect(v.neededFirstFlagged).toBe(false);
    expect(v.neededFirst.map((r) => r.id).sort()).toEqual(['r-licences', 'r-phones']);
    expect(new Set(v.neededFirst.map((r) => r.isoNeededBy))).toEqual(new Set(['2027-03-31']));
  });

  it('formats money, dates and quantities for the session language', () => {
    const ru = view('industrial-safety.ru.json');
    expect(ru.total).toMatch(/^[\d\u00a0]+\u00a0₽$/);
    for (const k of ru.byKind) expect(k.amount).toMatch(/^[\d\u00a0]+\u00a0₽$/);
    expect(ru.neededFirst[0]?.neededBy).toMatch(/^\d\d\.\d\d\.\d{4}$/);
    expect(ru.plan.months[0]?.label).toMatch(/^сентябрь 2026/);
    expect(ru.byKind.find((k) => k.kind === 'equipment')?.quantities).toContain('1\u00a0200\u00a0компл.');
    const uk = view('city-swot.uk.json');
    expect(uk.total).toMatch(/^[\d\u00a0]+\u00a0₴$/);
    expect(uk.plan.months[0]?.label).toMatch(/^жовтень 2026/);
    const en = view('corporate-planning.en.yaml');
    expect(en.total).toBe('€1,406,800');
    expect(en.byKind.find((k) => k.kind === 'specialists')?.quantities).toContain('13.5\u00a0FTE');
    expect(en.plan.months[0]?.label).toBe('October 2026');
  });

  it('shortens names for the matrix columns the way each language writes them', () => {
    expect(shortName('Ершов Пётр Ильич', 'ru')).toBe('Ершов П.\u00a0И.');
    expect(shortName('Оксана Мельничук', 'uk')).toBe('О.\u00a0Мельничук');
    expect(shortName('Katrin Vossberg', 'en')).toBe('K.\u00a0Vossberg');
    expect(shortName('Dr. Ruth Abendroth', 'en')).toBe('Dr.\u00a0R.\u00a0Abendroth');
    expect(shortName('Plato', 'en')).toBe('Plato');
  });
});

/** Text as the HTML writer escapes it. */
function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
