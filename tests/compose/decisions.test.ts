import { describe, expect, it } from 'vitest';
import { buildModel, composeDecisions, nodeEnv, validateSessionText, writePdf } from '../../src/index.js';
import type { Box } from '../../src/writers/pdf/layout/types.js';
import { renderDocTree } from '../helpers/doctree.js';
import { FIXTURES, fixtureText } from '../helpers/sessions.js';

function view(name: string) {
  const validated = validateSessionText(fixtureText(name), { fileName: name });
  if (!validated.ok) throw new Error('invalid fixture');
  return composeDecisions(buildModel(validated.value));
}

describe('composeDecisions', () => {
  for (const name of FIXTURES) {
    it(`${name}: a plain, JSON-safe view (snapshot)`, () => {
      const v = view(name);
      expect(JSON.parse(JSON.stringify(v))).toEqual(v);
      expect(v).toMatchSnapshot();
    });
  }

  it('formats money and dates for the session language', () => {
    const ru = view('industrial-safety.ru.json');
    const routes = ru.decisions.find((d) => d.id === 'd-new-routes');
    expect(routes?.economics?.firstYearCost).toMatch(/^[\d\u00a0]+\u00a0₽$/);
    expect(routes?.date).toMatch(/сентября 2026/);
    expect(routes?.supersedes?.id).toBe('d-routes-v1');
    const en = view('corporate-planning.en.yaml');
    expect(en.decisions[0]?.date).toMatch(/^\d{1,2} [A-Z][a-z]+ 2026$/);
    expect(en.session.date).toBe('5 October 2026');
  });

  it('names the first control point of each decision’s initiatives', () => {
    const starter = view('starter.en.yaml');
    expect(starter.decisions[0]?.firstControlPoint).toEqual({
      title: 'App live on all three shifts',
      target: null,
      due: '15 April 2027',
      owner: 'Tom Becker',
    });
  });
});

describe('decision memos laid out', () => {
  const inside = (t: Box & { kind: 'text' }, r: Box & { kind: 'rect' }) =>
    t.x >= r.x - 0.5 && t.x + t.width <= r.x + r.w + 0.5 && t.top >= r.y - 0.5 && t.top + t.height <= r.y + r.h + 0.5;

  for (const name of FIXTURES) {
    it(`${name}: no page holds nothing but one box, no heading is last on its page`, async () => {
      const { layout } = await writePdf(await renderDocTree(name), nodeEnv());
      for (const [i, page] of layout.pages.entries()) {
        const texts = page.boxes.filter((b): b is Box & { kind: 'text' } => b.kind === 'text' && b.text.trim() !== '');
        const frames = page.boxes.filter((b): b is Box & { kind: 'rect' } => b.kind === 'rect' && b.fill !== null);
        const lone = frames.find((r) => r.h > 20 && texts.every((t) => inside(t, r)));
        expect(lone, `page ${i + 1} holds only a box: ${texts.map((t) => t.text).join(' ')}`).toBeUndefined();
      }
      for (const [id, a] of layout.anchors) {
        const below = layout.pages[a.page]?.boxes.some(
          (b) => b.kind === 'text' && b.top > a.y && b.text.trim() !== '' && !a.title.includes(b.text.trim()),
        );
        expect(below, `heading "${a.title}" (${id}) alone at the foot of page ${a.page + 1}`).toBe(true);
      }
    }, 60_000);
  }
});
