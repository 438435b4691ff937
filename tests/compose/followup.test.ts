import { describe, expect, it } from 'vitest';
import {
  composeFollowup,
  composePack,
  type FollowupView,
  formatDate,
  isWorkingDay,
  KICKOFF_SLOTS,
  notApplicable,
  workingDaysAfter,
} from '../../src/index.js';
import { buildArtifact } from '../helpers/build.js';
import { layoutProblems } from '../helpers/layout.js';
import { canReadPdfText, pdfPageTexts } from '../helpers/programs.js';
import { fixtureData, sessionModel } from '../helpers/sessions.js';

// biome-ignore lint/suspicious/noExplicitAny: the raw fixture is read as plain data
type Raw = any;

const modelOf = (data: unknown) => sessionModel(data);

function viewOf(data: unknown): FollowupView {
  const composed = composeFollowup(modelOf(data));
  if (!composed.view) throw new Error(JSON.stringify(composed.diagnostics));
  return composed.view;
}

const SESSIONS = ['industrial-safety.ru.json', 'city-swot.uk.json', 'corporate-planning.en.yaml', 'starter.en.yaml'];

describe('composeFollowup (the follow-up cadence)', () => {
  for (const name of SESSIONS) {
    describe(name, () => {
      const raw: Raw = fixtureData(name);
      const model = modelOf(raw);
      const view = viewOf(raw);
      const holidays = model.session.holidays;

      it('is plain, JSON-safe data', () => {
        expect(JSON.parse(JSON.stringify(view))).toEqual(view);
      });

      it('sends the pack on a working day, the given one or the next after the session', () => {
        expect(isWorkingDay(view.isoDispatch, holidays)).toBe(true);
        expect(view.isoDispatch > model.session.endDate).toBe(true);
        if (raw.followUp?.dispatch) expect(view.isoDispatch).toBe(raw.followUp.dispatch);
        // The pack's cover says the same day.
        expect(composePack(model, { findings: [], inPack: false }).view.cover.isoSentOn).toBe(view.isoDispatch);
      });

      it('holds one kick-off per initiative, on working days within the window, an owner’s on different days', () => {
        expect(view.kickoffs.map((k) => k.id).sort()).toEqual(model.initiatives.map((i) => i.id).sort());
        const window = workingDaysAfter(view.isoDispatch, raw.followUp?.kickoffWithinDays ?? 5, holidays);
        for (const k of view.kickoffs) {
          expect(isWorkingDay(k.isoDate, holidays), k.isoDate).toBe(true);
          expect(window, k.isoDate).toContain(k.isoDate);
        }
        const byOwner = new Map<string, string[]>();
        for (const k of view.kickoffs) if (k.owner) byOwner.set(k.owner, [...(byOwner.get(k.owner) ?? []), k.isoDate]);
        for (const [owner, dates] of byOwner)
          if (dates.length <= window.length) expect(new Set(dates).size, owner).toBe(dates.length);
        // No two kick-offs at the same hour.
        const slots = view.kickoffs.map((k) => `${k.isoDate} ${k.time}`);
        expect(new Set(slots).size).toBe(slots.length);
        expect(view.kickoffs.every((k) => KICKOFF_SLOTS.some((s) => k.time.startsWith(s)))).toBe(true);
      });

      it('starts the weekly item after the first kick-off and the monthly review after dispatch, off holidays', () => {
        expect(view.weekly.isoFirst > (view.kickoffs.map((k) => k.isoDate).sort()[0] as string)).toBe(true);
        expect(view.weekly.isoFirst > view.isoDispatch).toBe(true);
        expect(view.monthly.isoFirst > view.isoDispatch).toBe(true);
        expect(holidays).not.toContain(view.weekly.isoFirst);
        expect(holidays).not.toContain(view.monthly.isoFirst);
        // Weekly and monthly meetings on a weekday stay on working days.
        if (!['saturday', 'sunday'].includes(view.weekly.day))
          expect(isWorkingDay(view.weekly.isoFirst, holidays)).toBe(true);
      });

      it('lists every initiative with its owner and its first dates in the cover note', () => {
        expect(view.owners).toHaveLength(model.initiatives.length);
        for (const row of view.owners) {
          const initiative = model.initiatives.find((i) => i.id === row.id);
          expect(row.owner).toBe(initiative?.owner?.name ?? null);
          expect(row.isoKickoff).toBe(view.kickoffs.find((k) => k.id === row.id)?.isoDate);
        }
      });

      it('puts every control point on the monthly form once', () => {
        const ids = view.monthly.groups.flatMap((g) => g.points.map((p) => p.id));
        expect(ids.sort()).toEqual(model.controlPoints.map((c) => c.id).sort());
      });
    });
  }

  it('is not applicable without initiatives', () => {
    const raw: Raw = structuredClone(fixtureData('starter.en.yaml'));
    expect(notApplicable('followup', modelOf(raw))).toBeNull();
    const bare = { session: raw.session, units: raw.units, people: raw.people };
    expect(notApplicable('followup', modelOf(bare))).toMatch(/no initiatives/);
  });

  it('spreads an owner’s kick-offs over different days, and moves meetings off holidays', () => {
    const raw: Raw = structuredClone(fixtureData('starter.en.yaml'));
    const owner = raw.initiatives[0].owner;
    for (const n of [1, 2, 3, 4])
      raw.initiatives.push({ ...raw.initiatives[0], id: `i-more-${n}`, title: `More ${n}` });
    for (const i of raw.initiatives) i.owner = owner;
    raw.session.holidays = ['2027-03-08', '2027-03-09', '2027-03-15'];
    raw.followUp = { ...raw.followUp, dispatch: '2027-03-05', kickoffWithinDays: 3 };
    const view = viewOf(raw);
    const days = view.kickoffs.map((k) => k.isoDate);
    expect([...new Set(days)].sort()).toEqual(['2027-03-10', '2027-03-11', '2027-03-12']);
    // One owner, three days: as even as it gets.
    const counts = [...new Set(days)].map((d) => days.filter((x) => x === d).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    // The weekly item starts after the first kick-off; Monday 15 March is a holiday, so it moves to the 16th.
    expect(view.weekly.isoFirst).toBe('2027-03-16');
    expect(view.weekly.moved).toHaveLength(1);
  });

  it('reports a time zone the platform does not know, with its path', () => {
    // Validation stops such a session first; a model made some other way still gets a clear error here.
    const model = modelOf(structuredClone(fixtureData('starter.en.yaml')));
    const composed = composeFollowup({ ...model, session: { ...model.session, timezone: 'Europe/Atlantis' } });
    expect(composed.view).toBeNull();
    expect(composed.diagnostics?.[0]).toMatchObject({
      code: 'followup/unknown-time-zone',
      severity: 'error',
      path: ['session', 'timezone'],
    });
  });

  it('warns when the pack is to go out on a weekend day', () => {
    const raw: Raw = structuredClone(fixtureData('corporate-planning.en.yaml'));
    raw.followUp.dispatch = '2026-10-10';
    const composed = composeFollowup(modelOf(raw));
    expect(composed.diagnostics?.map((d) => [d.code, d.path])).toEqual([
      ['followup/dispatch-not-working-day', ['followUp', 'dispatch']],
    ]);
  });
});

const tools = canReadPdfText();

describe.runIf(tools)('the follow-up document', () => {
  for (const name of ['industrial-safety.ru.json', 'corporate-planning.en.yaml']) {
    it(`${name}: the cover note names each owner and first date; a kick-off page per initiative; keeps inside its pages`, async () => {
      const raw: Raw = fixtureData(name);
      const model = modelOf(raw);
      const view = viewOf(raw);
      const { outputs, layout, warnings } = await buildArtifact(raw, 'followup', ['pdf']);
      expect(warnings.filter((w) => w.code.startsWith('pdf/'))).toEqual([]);
      for (const [i, page] of (layout?.pages ?? []).entries())
        expect(layoutProblems(page), `page ${i + 1}`).toEqual([]);
      // A heading is never the last thing on its page.
      for (const [id, a] of layout?.anchors ?? []) {
        const page = layout?.pages[a.page];
        const below = page?.boxes.some(
          (b) => b.kind === 'text' && b.top > a.y && b.text.trim() !== '' && !a.title.includes(b.text.trim()),
        );
        expect(below, `heading ${id} alone at the foot of page ${a.page + 1}`).toBe(true);
      }
      expect(outputs.map((o) => o.fileName)).toEqual(['followup.pdf', 'calendar.ics']);
      const pages = pdfPageTexts(outputs[0]?.data as Uint8Array, true);
      const language = model.session.locale;
      const kickoffPages = pages.filter((p) => /Kick-off meeting \d+ of|Стартовая встреча \d+ из/.test(p));
      const cover = pages.slice(0, pages.indexOf(kickoffPages[0] as string)).join(' ');
      expect(cover).toContain(formatDate(view.isoDispatch, language));
      for (const i of model.initiatives) {
        if (i.owner) expect(cover).toContain(i.owner.name);
        const kickoff = view.kickoffs.find((k) => k.id === i.id);
        expect(cover).toContain(formatDate(kickoff?.isoDate as string, language, 'short'));
      }
      // One page per kick-off, in order, each naming its initiative, its date and its convener.
      expect(kickoffPages).toHaveLength(model.initiatives.length);
      for (const [n, k] of view.kickoffs.entries()) {
        const page = kickoffPages[n] as string;
        expect(page).toContain(k.title.replace(/\s+/g, ' '));
        expect(page).toContain(k.date);
        if (k.owner) expect(page).toContain(k.owner);
      }
      // The forms: barriers, not percentages; status per control point with countermeasures for red.
      const all = pages.join(' ');
      for (const label of language === 'ru'
        ? ['Препятствия', 'Что не получилось и почему', 'Нужна помощь', 'Если красный', 'Скорректировать цели?']
        : ['Barriers', 'What did not happen, and why', 'Help needed', 'If red', 'Adjust the goals?'])
        expect(all).toContain(label);
      expect(all).not.toMatch(/%\s*(done|выполнения)/i);
    });
  }
});
