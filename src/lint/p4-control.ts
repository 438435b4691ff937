import type { ControlPoint } from '../model/index.js';
import { defineRule, type LintRule } from './rule.js';

/** The fields a control point needs to be measurable, by kind. */
function missingFields(c: ControlPoint): string[] {
  const need: Array<[string, unknown]> =
    c.kind === 'kpi'
      ? [
          ['baseline', c.baseline],
          ['target', c.target],
          ['unit', c.unit],
          ['due', c.due],
          ['owner', c.owner],
        ]
      : [
          ['due', c.due],
          ['owner', c.owner],
        ];
  return need.filter(([, v]) => v === null).map(([k]) => k);
}

/** Principle 4: carry built-in control — every plan has clear, measurable milestones and indicators. */
export const P4_RULES: readonly LintRule[] = [
  defineRule({
    code: 'P4-control-point-missing',
    severity: 'error',
    text: {
      en: [
        'Initiative "{title}" has no measurable control point.',
        'Add a KPI (baseline, target, unit, due, owner) or a dated milestone with an owner, with initiative: "{id}".',
      ],
      ru: [
        'У инициативы «{title}» нет измеримой контрольной точки.',
        'Добавьте KPI (база, цель, единица, срок, ответственный) или веху со сроком и ответственным, с initiative: "{id}".',
      ],
      uk: [
        'Ініціатива «{title}» не має вимірюваної контрольної точки.',
        'Додайте KPI (база, ціль, одиниця, строк, відповідальний) або віху зі строком і відповідальним, з initiative: "{id}".',
      ],
    },
    check(model, report) {
      model.initiatives.forEach((n, i) => {
        if (n.status === 'cancelled') return;
        if (!n.controlPoints.some((c) => missingFields(c).length === 0))
          report(['initiatives', i], { title: n.title, id: n.id });
      });
    },
  }),
  defineRule({
    code: 'P4-control-point-incomplete',
    severity: 'warning',
    text: {
      en: ['Control point "{title}" lacks {missing}.', 'Without these it cannot be measured against a plan.'],
      ru: ['У контрольной точки «{title}» не хватает: {missing}.', 'Без этого её нельзя сверить с планом.'],
      uk: ['Контрольній точці «{title}» бракує: {missing}.', 'Без цього її не можна звірити з планом.'],
    },
    check(model, report) {
      model.controlPoints.forEach((c, i) => {
        const missing = missingFields(c);
        if (missing.length > 0)
          report(['controlPoints', i, missing[0] as string], { title: c.title, missing: missing.join(', ') });
      });
    },
  }),
  defineRule({
    code: 'P4-kpi-polarity-missing',
    severity: 'warning',
    text: {
      en: [
        'KPI "{title}" does not say whether higher or lower is better.',
        'Set polarity: higher-is-better or lower-is-better.',
      ],
      ru: [
        'Для KPI «{title}» не указано, что лучше — больше или меньше.',
        'Укажите polarity: higher-is-better или lower-is-better.',
      ],
      uk: [
        'Для KPI «{title}» не вказано, що краще — більше чи менше.',
        'Вкажіть polarity: higher-is-better або lower-is-better.',
      ],
    },
    check(model, report) {
      model.controlPoints.forEach((c, i) => {
        if (c.kind === 'kpi' && !c.polarityStated) report(['controlPoints', i, 'polarity'], { title: c.title });
      });
    },
  }),
  defineRule({
    code: 'P4-kpi-thresholds-missing',
    severity: 'warning',
    text: {
      en: [
        'KPI "{title}" has no thresholds, so its status cannot be judged.',
        'Set thresholds: { green, amber } in the direction of its polarity.',
      ],
      ru: [
        'У KPI «{title}» нет порогов, поэтому его статус не определить.',
        'Задайте thresholds: { green, amber } в направлении polarity.',
      ],
      uk: [
        'KPI «{title}» не має порогів, тому його статус не визначити.',
        'Задайте thresholds: { green, amber } у напрямку polarity.',
      ],
    },
    check(model, report) {
      model.controlPoints.forEach((c, i) => {
        if (c.kind === 'kpi' && !c.thresholds) report(['controlPoints', i, 'thresholds'], { title: c.title });
      });
    },
  }),
  defineRule({
    code: 'P4-thresholds-inverted',
    severity: 'error',
    text: {
      en: [
        'The thresholds of "{title}" contradict its polarity ({polarity}): green {green}, amber {amber}.',
        'With {polarity}, green must be the better value; swap green and amber or fix the polarity.',
      ],
      ru: [
        'Пороги «{title}» противоречат polarity ({polarity}): green {green}, amber {amber}.',
        'При {polarity} порог green должен быть лучшим значением; поменяйте green и amber местами или исправьте polarity.',
      ],
      uk: [
        'Пороги «{title}» суперечать polarity ({polarity}): green {green}, amber {amber}.',
        'За {polarity} поріг green має бути кращим значенням; поміняйте green і amber місцями або виправте polarity.',
      ],
    },
    check(model, report) {
      model.controlPoints.forEach((c, i) => {
        const t = c.thresholds;
        if (!t || !c.polarityStated || !c.polarity) return;
        // Plan attainment is always better when higher, whatever the KPI's own polarity.
        const higher = t.basis === 'plan' || c.polarity === 'higher-is-better';
        const wrong = higher ? t.green < t.amber : t.green > t.amber;
        if (wrong)
          report(['controlPoints', i, 'thresholds'], {
            title: c.title,
            polarity: c.polarity,
            green: t.green,
            amber: t.amber,
          });
      });
    },
  }),
  defineRule({
    code: 'P4-plan-missing',
    severity: 'warning',
    text: {
      en: [
        'KPI "{title}" judges its status against the plan, but has no monthly plan.',
        'Add plan: [{ month, value }] for the months it is measured, or set thresholds.basis to value.',
      ],
      ru: [
        'Статус KPI «{title}» оценивается относительно плана, но помесячного плана нет.',
        'Добавьте plan: [{ month, value }] на месяцы измерений или задайте thresholds.basis: value.',
      ],
      uk: [
        'Статус KPI «{title}» оцінюється відносно плану, але помісячного плану немає.',
        'Додайте plan: [{ month, value }] на місяці вимірювань або задайте thresholds.basis: value.',
      ],
    },
    check(model, report) {
      model.controlPoints.forEach((c, i) => {
        if (c.thresholds?.basis === 'plan' && c.plan.length === 0)
          report(['controlPoints', i, 'plan'], { title: c.title });
      });
    },
  }),
  defineRule({
    code: 'P4-milestone-outside-initiative',
    severity: 'warning',
    text: {
      en: [
        'Milestone "{title}" is due {due}, outside its initiative "{initiative}" ({start} – {end}).',
        'Move the milestone into the initiative’s dates, or change the dates.',
      ],
      ru: [
        'Веха «{title}» назначена на {due}, вне сроков инициативы «{initiative}» ({start} – {end}).',
        'Перенесите веху в сроки инициативы или измените сроки.',
      ],
      uk: [
        'Віху «{title}» призначено на {due}, поза строками ініціативи «{initiative}» ({start} – {end}).',
        'Перенесіть віху в строки ініціативи або змініть строки.',
      ],
    },
    check(model, report) {
      model.controlPoints.forEach((c, i) => {
        const n = c.initiative;
        if (c.kind !== 'milestone' || !c.due || !n) return;
        if ((n.start && c.due < n.start) || (n.due && c.due > n.due)) {
          report(['controlPoints', i, 'due'], {
            title: c.title,
            due: c.due,
            initiative: n.title,
            start: n.start ?? '…',
            end: n.due ?? '…',
          });
        }
      });
    },
  }),
  defineRule({
    code: 'P4-red-without-countermeasure',
    severity: 'error',
    text: {
      en: [
        '"{title}" is red and has no countermeasure.',
        'Add countermeasures: what will be done, by whom and by when, to get back on track.',
      ],
      ru: [
        '«{title}» в красной зоне, а контрмер нет.',
        'Добавьте countermeasures: что, кто и к какому сроку сделает, чтобы вернуться к плану.',
      ],
      uk: [
        '«{title}» у червоній зоні, а контрзаходів немає.',
        'Додайте countermeasures: що, хто і до якого строку зробить, щоб повернутися до плану.',
      ],
    },
    check(model, report) {
      model.controlPoints.forEach((c, i) => {
        if (c.rag === 'red' && !c.countermeasures.some((m) => m.status !== 'done'))
          report(['controlPoints', i, 'countermeasures'], { title: c.title });
      });
    },
  }),
  defineRule({
    code: 'P4-frequency-missing',
    severity: 'info',
    text: {
      en: [
        'KPI "{title}" has no measuring frequency.',
        'Set frequency (weekly, monthly, quarterly…), so the review cadence knows when to expect data.',
      ],
      ru: [
        'Для KPI «{title}» не задана периодичность измерения.',
        'Укажите frequency (weekly, monthly, quarterly…), чтобы было ясно, когда ждать данные.',
      ],
      uk: [
        'Для KPI «{title}» не задано періодичність вимірювання.',
        'Вкажіть frequency (weekly, monthly, quarterly…), щоб було ясно, коли чекати дані.',
      ],
    },
    check(model, report) {
      model.controlPoints.forEach((c, i) => {
        if (c.kind === 'kpi' && !c.frequency) report(['controlPoints', i, 'frequency'], { title: c.title });
      });
    },
  }),
  defineRule({
    code: 'P4-control-point-unlinked',
    severity: 'warning',
    text: {
      en: ['Control point "{title}" controls neither an initiative nor a goal.', 'Set initiative or goal.'],
      ru: ['Контрольная точка «{title}» не относится ни к инициативе, ни к цели.', 'Укажите initiative или goal.'],
      uk: ['Контрольна точка «{title}» не стосується ні ініціативи, ні цілі.', 'Вкажіть initiative або goal.'],
    },
    check(model, report) {
      model.controlPoints.forEach((c, i) => {
        if (!c.initiative && !c.goal) report(['controlPoints', i], { title: c.title });
      });
    },
  }),
];
