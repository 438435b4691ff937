import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildDocuments,
  composeAgenda,
  composeProtocols,
  groupLabel,
  nodeEnv,
  sessionAssignment,
} from '../../src/index.js';
import { stratdoc } from '../helpers/cli.js';
import { canReadPdfText, pdfPageTexts } from '../helpers/programs.js';
import { fixtureData, fixtureText, ROOT, sessionModel } from '../helpers/sessions.js';

const CITY = 'city-swot.uk.json';

const modelOf = (input: unknown) => sessionModel(input, CITY);

const canRead = canReadPdfText();
const pagesOf = (pdf: Uint8Array) => pdfPageTexts(pdf);

describe('personal protocols (seed 001)', () => {
  it('one page per participant, with their sphere, subject and the group, table and time of every step', () => {
    const model = modelOf(fixtureText(CITY));
    const composed = composeProtocols(model);
    if (!('view' in composed)) throw new Error('no view');
    const { view } = composed;
    expect(view.pages.map((p) => p.id)).toEqual(model.participants.map((p) => p.id));
    const assigned = sessionAssignment(model);
    if (!assigned.ok) throw new Error('no assignment');
    for (const page of view.pages) {
      const place = assigned.value.placements.get(page.id);
      const groups = page.steps.flatMap((s) => (s.group ? [s.group.id] : []));
      // Profile, cross, agreement, and the profile group again for the final agreement.
      expect(groups).toEqual([place?.profile.id, place?.cross.id, place?.agreement.id, place?.profile.id]);
      for (const s of page.notes) expect(s.task, `${page.name}: ${s.title}`).toBeTruthy();
      expect(page.steps.filter((s) => s.kind !== 'break').every((s) => s.task)).toBe(true);
    }
  });

  it.runIf(canRead)(
    'the city fixture: exactly one PDF page per participant, each naming that person’s groups and tables',
    async () => {
      const model = modelOf(fixtureText(CITY));
      const result = await buildDocuments(fixtureText(CITY), nodeEnv({ diagrams: false }), {
        artifacts: ['protocols'],
        formats: ['pdf'],
        diagrams: 'off',
        fileName: CITY,
      });
      if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
      const pdf = result.value.outputs[0];
      expect(pdf?.pages).toBe(model.participants.length);
      const pages = pagesOf(pdf?.data as Uint8Array);
      expect(pages).toHaveLength(80);
      const assigned = sessionAssignment(model);
      if (!assigned.ok) throw new Error('no assignment');
      const a = assigned.value;
      model.participants.forEach((p, i) => {
        const page = pages[i] as string;
        expect(page, `page ${i + 1}`).toContain(p.name);
        const place = a.placements.get(p.id);
        if (!place) throw new Error(p.id);
        for (const g of [place.profile, place.cross, place.agreement]) {
          // The label may wrap in its cell: compare with whitespace folded.
          expect(page, `${p.name}: ${g.id}`).toContain(groupLabel(model, a, g).replace(/\s+/g, ' '));
          expect(page, `${p.name}: ${g.id}`).toMatch(new RegExp(`Стіл ${g.table}\\b`));
        }
        // Nobody else's name is on the page.
        const others = model.participants.filter((o) => o.id !== p.id && page.includes(o.name));
        expect(others.map((o) => o.name)).toEqual([]);
      });
    },
    120_000,
  );

  it.runIf(canRead)(
    '`stratdoc build --seed N` prints on each person’s page the tables `stratdoc groups --seed N` gives them',
    () => {
      const out = mkdtempSync(join(tmpdir(), 'stratdoc-protocols-cli-'));
      const session = join(ROOT, 'fixtures/sessions', CITY);
      const built = stratdoc([
        'build',
        session,
        '--artifacts',
        'protocols',
        '--format',
        'pdf',
        '--no-diagrams',
        '--seed',
        '5',
        '--out',
        out,
      ]);
      expect(built.code, built.stderr).toBe(0);
      const groups = stratdoc(['groups', session, '--format', 'json', '--seed', '5']);
      expect(groups.code, groups.stderr).toBe(0);
      const printed = JSON.parse(groups.stdout) as {
        seed: number;
        steps: Array<{ id: string; groups: Array<{ id: string; table: number; members: string[] }> }>;
        participants: Array<{ id: string; name: string }>;
      };
      expect(printed.seed).toBe(5);
      const pages = pagesOf(readFileSync(join(out, 'protocols.pdf')));
      expect(pages).toHaveLength(printed.participants.length);
      const tableOf = (step: string, id: string) =>
        printed.steps.find((s) => s.id === step)?.groups.find((g) => g.members.includes(id))?.table;
      const unseeded = sessionAssignment(modelOf(fixtureText(CITY)));
      let moved = 0;
      printed.participants.forEach((p, i) => {
        const page = pages[i] as string;
        expect(page).toContain(p.name);
        // The table of each step's notes, in the order of the day: profile, cross, agreement, profile again
        // (the timetable's header "Стіл" runs into its first time, 10:00, which the pattern leaves out).
        const tables = [...page.matchAll(/Стіл (\d+)(?![:\d])/g)].map((m) => Number(m[1]));
        const steps = ['profile', 'cross', 'agreement', 'profile'].map((step) => tableOf(step, p.id));
        expect(tables.slice(0, 4), p.name).toEqual(steps);
        if (unseeded.ok && unseeded.value.placements.get(p.id)?.cross.table !== tableOf('cross', p.id)) moved++;
      });
      // Another seed is another rotation.
      expect(moved).toBeGreaterThan(10);
    },
    180_000,
  );

  it('split: one document per participant besides the merged one', async () => {
    const data = fixtureData(CITY) as { participants: unknown[] };
    const result = await buildDocuments(data, nodeEnv({ diagrams: false }), {
      artifacts: ['protocols'],
      formats: ['html'],
      diagrams: 'off',
      split: true,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const names = result.value.outputs.map((o) => o.fileName);
    expect(names[0]).toBe('protocols.html');
    expect(names).toHaveLength(1 + data.participants.length);
    expect(names).toContain('protocols-p01.html');
    const one = new TextDecoder().decode(result.value.outputs.find((o) => o.fileName === 'protocols-p01.html')?.data);
    expect(one).toContain('Олексій Мірошниченко');
    expect(one).not.toContain('Зоряна Стасюк');
  });

  it('a session that cannot be split into groups stops the build with the reason', async () => {
    const data = fixtureData(CITY) as { participants: Array<Record<string, unknown>> };
    // Everyone but two in one sphere: the others cannot fill their four profile groups.
    data.participants = data.participants.map((p, i) => ({ ...p, sphere: i < 2 ? 'economy' : 'social' }));
    const result = await buildDocuments(data, nodeEnv({ diagrams: false }), {
      artifacts: ['protocols'],
      formats: ['pdf'],
      diagrams: 'off',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map((d) => d.code)).toContain('network/sphere-too-small');
    expect(result.diagnostics[0]?.message).toMatch(/У сфері «Управління містом» 0 учасників/);
  });

  it('without participants there are no protocols: left out by default, an error when asked for', async () => {
    const data = fixtureData(CITY) as Record<string, unknown>;
    data.participants = [];
    const asked = await buildDocuments(data, nodeEnv({ diagrams: false }), {
      artifacts: ['protocols'],
      formats: ['html'],
      diagrams: 'off',
    });
    expect(asked.ok).toBe(false);
    if (!asked.ok) expect(asked.diagnostics[0]?.code).toBe('build/artifact-not-applicable');
  });
});

describe('agenda: run sheet and facilitator sheets', () => {
  it('lists every table of every rotating step with exactly its members', () => {
    const model = modelOf(fixtureText(CITY));
    const composed = composeAgenda(model);
    if (!('view' in composed)) throw new Error('no view');
    const { view } = composed;
    expect(view.network).toBe(true);
    expect(view.runSheet.map((r) => r.title)).toEqual(model.agenda.map((b) => b.title));
    expect(view.facilitator.map((s) => [s.step, s.tables.length])).toEqual([
      ['profile', 16],
      ['cross', 20],
      ['agreement', 20],
    ]);
    const assigned = sessionAssignment(model);
    if (!assigned.ok) throw new Error('no assignment');
    const name = new Map(model.participants.map((p) => [p.id, p.name]));
    for (const step of view.facilitator) {
      const groups = assigned.value.steps.find((s) => s.id === step.step)?.groups ?? [];
      expect(step.tables.map((t) => t.members.map((m) => m.name))).toEqual(
        groups.map((g) => g.members.map((m) => name.get(m))),
      );
      expect(step.tables.map((t) => t.table)).toEqual(groups.map((_, i) => i + 1));
    }
    // The final agreement meets in the profile groups: its time is on the profile groups' sheet.
    expect(view.facilitator[0]?.times.split(', ')).toHaveLength(2);
  });
});
