import { describe, expect, it } from 'vitest';
import { buildDocuments, composeSwot, nodeEnv, SWOT_ORDER, type SwotView } from '../../src/index.js';
import { layoutProblems } from '../helpers/layout.js';
import { buildArtifact, pageTexts } from '../helpers/build.js';
import { fixtureIn, sessionModel } from '../helpers/sessions.js';

// biome-ignore lint/suspicious/noExplicitAny: the raw fixture is read as plain data
type Raw = any;

/** The city session in a language. */
const session = (language: 'en' | 'ru' | 'uk') => fixtureIn('city-swot.uk.json', language);

const modelOf = (data: unknown) => sessionModel(data);

const items = (v: SwotView) => v.spheres.flatMap((s) => s.cells.flatMap((c) => c.items));

const build = (data: unknown, formats: Array<'pdf' | 'docx' | 'html'>) => buildArtifact(data, 'swot', formats);

const has = (text: string, code: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${code}([^\\p{L}\\p{N}]|$)`, 'u').test(text);

describe('composeSwot (the SWOT brochure)', () => {
  const raw = session('uk');
  const model = modelOf(raw);
  const view = composeSwot(model);

  it('is plain, JSON-safe data', () => {
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('puts every SWOT item exactly once in its sphere matrix, in its component cell', () => {
    const ids = items(view).map((i) => i.id);
    expect([...ids].sort()).toEqual((raw.swot as Raw[]).map((i) => i.id as string).sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of view.spheres) {
      expect(s.cells.map((c) => c.component)).toEqual(SWOT_ORDER);
      expect(s.rows.flatMap((r) => r.cells)).toEqual(s.cells);
      // The lines of a row carry the two cells' items side by side, in order, each once.
      for (const r of s.rows)
        for (const side of [0, 1])
          expect(r.lines.map((l) => l[side]?.item?.id).filter((id) => id !== undefined)).toEqual(
            r.cells[side]?.items.map((i) => i.id),
          );
      for (const c of s.cells)
        for (const i of c.items) {
          const source = (raw.swot as Raw[]).find((x) => x.id === i.id);
          expect(source.sphere).toBe(s.id);
          expect(source.component).toBe(c.component);
        }
    }
    expect(view.spheres.map((s) => s.id)).toEqual((raw.spheres as Raw[]).map((s) => s.id));
  });

  it('numbers the items by component across the analysis: unique printed ids, S1… in the first sphere', () => {
    const codes = items(view).map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const component of SWOT_ORDER) {
      const letter = component[0]?.toUpperCase();
      const of = items(view).filter((i) => i.component === component);
      expect(of.map((i) => i.code)).toEqual(of.map((_, n) => `${letter}${n + 1}`));
    }
    expect(view.spheres[0]?.cells[0]?.range).toBe('S1–S4');
  });

  it("resolves every TOWS strategy's citations to printed ids of the brochure", () => {
    const byCode = new Map(items(view).map((i) => [i.code, i]));
    const strategies = view.tows.flatMap((k) => k.strategies);
    expect(strategies.map((s) => s.id).sort()).toEqual((raw.tows as Raw[]).map((t) => t.id as string).sort());
    for (const s of strategies) {
      const source = (raw.tows as Raw[]).find((t) => t.id === s.id);
      expect(s.cites.map((c) => byCode.get(c.code)?.id)).toEqual(source.cites);
      expect(s.goals.map((g) => g.id)).toEqual(source.goals);
      expect(s.code.startsWith(s.kind)).toBe(true);
    }
    expect(view.tows.map((k) => k.kind)).toEqual(['SO', 'ST', 'WO', 'WT']);
  });

  it('says how it was made from the session: participants, spheres, profile groups, items, votes', () => {
    expect(view.method).toMatchObject({ participants: 80, spheres: 4, profileGroups: 16, items: 57 });
    expect(view.method.votes).not.toBeNull();
    expect(view.summary.top.flatMap((r) => r.cells).every((c) => c.items.length === 5)).toBe(true);
    for (const c of view.summary.top.flatMap((r) => r.cells))
      for (const [a, b] of c.items.slice(1).map((x, n) => [c.items[n], x]))
        expect((a?.votes ?? 0) >= (b?.votes ?? 0)).toBe(true);
    expect(view.toc).toBe(true);
  });

  it('leaves out votes and groups when the items have none', () => {
    const data = session('uk');
    for (const i of data.swot) {
      delete i.votes;
      delete i.group;
    }
    const v = composeSwot(modelOf(data));
    expect(v.hasVotes).toBe(false);
    expect(v.hasGroups).toBe(false);
    expect(v.method.votes).toBeNull();
    expect(v.summary.top).toEqual([]);
  });
});

describe('the SWOT brochure as documents', () => {
  for (const language of ['uk', 'ru', 'en'] as const) {
    it(`${language}: a page of its own per sphere carrying its matrix, the strategies citing printed ids, no box outside its page`, async () => {
      const data = session(language);
      const view = composeSwot(modelOf(data));
      const { layout, warnings } = await build(data, ['pdf']);
      expect(warnings.filter((w) => w.code.startsWith('pdf/'))).toEqual([]);
      if (!layout) throw new Error('no layout');
      const problems = layout.pages.flatMap((p, n) => layoutProblems(p).map((x) => `page ${n + 1}: ${x}`));
      expect(problems).toEqual([]);

      const texts = pageTexts(layout);
      const kicker = { uk: 'Сфера', ru: 'Сфера', en: 'Sphere' }[language];
      const starts = view.spheres.map((s) => texts.findIndex((t) => t.includes(`${kicker} ${s.number} ·`)));
      // Each sphere starts a page of its own, in order, and in this session takes exactly one page.
      expect(starts.every((p) => p > 0)).toBe(true);
      expect(starts).toEqual(starts.map((_, n) => (starts[0] as number) + n));
      for (const [n, s] of view.spheres.entries()) {
        const page = texts[starts[n] as number] as string;
        expect(page).toContain(s.name);
        for (const c of s.cells) for (const i of c.items) expect(has(page, i.code), `${s.id}: ${i.code}`).toBe(true);
        for (const other of view.spheres.filter((o) => o !== s))
          expect(page).not.toContain(`${kicker} ${other.number} ·`);
      }
      // The strategies come after the spheres and cite ids that the sphere pages print.
      const printed = new Set(
        view.spheres.flatMap((s, n) =>
          s.cells.flatMap((c) =>
            c.items.filter((i) => has(texts[starts[n] as number] as string, i.code)).map((i) => i.code),
          ),
        ),
      );
      const towsText = texts.slice((starts[starts.length - 1] as number) + 1).join(' ');
      for (const s of view.tows.flatMap((k) => k.strategies)) {
        expect(has(towsText, s.code), s.code).toBe(true);
        for (const c of s.cites) {
          expect(printed.has(c.code), `${s.code} cites ${c.code}`).toBe(true);
          expect(has(towsText, c.code), `${s.code} cites ${c.code}`).toBe(true);
        }
      }
    }, 60_000);
  }

  it('builds HTML and DOCX too', async () => {
    const { outputs } = await build(session('uk'), ['html', 'docx']);
    expect(outputs.map((o) => o.fileName).sort()).toEqual(['swot.docx', 'swot.html']);
    const html = new TextDecoder().decode(outputs.find((o) => o.format === 'html')?.data);
    expect(html).toContain('Управління містом');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  }, 60_000);

  it('prints no votes or groups for items without them', async () => {
    const data = session('en');
    for (const i of data.swot) {
      delete i.votes;
      delete i.group;
    }
    const { outputs } = await build(data, ['html']);
    const html = new TextDecoder().decode(outputs[0]?.data);
    expect(html).not.toMatch(/\bvotes?\b/);
    expect(html).not.toContain('group gov-');
    expect(html).toContain('S1');
  }, 60_000);

  it('is not built for a session without SWOT items, and asking for it is an error', async () => {
    const data = session('en');
    data.swot = [];
    data.tows = [];
    const quiet = await buildDocuments(data, nodeEnv(), { formats: ['html'], diagrams: 'off' });
    expect(quiet.ok && quiet.value.outputs.some((o) => o.artifact === 'swot')).toBe(false);
    const asked = await buildDocuments(data, nodeEnv(), { artifacts: ['swot'], formats: ['html'] });
    expect(asked.ok).toBe(false);
  }, 60_000);
});
