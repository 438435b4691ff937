import { defineRule, type LintRule } from './rule.js';

/** The most critical priorities a team can focus on. */
export const MAX_CRITICAL_PRIORITIES = 3;

/** Principle 3: show how the initiatives connect to each other and lead to one goal. */
export const P3_RULES: readonly LintRule[] = [
  defineRule({
    code: 'P3-vision-missing',
    severity: 'error',
    text: {
      en: [
        'The session states no vision.',
        'Add vision with a title and statement: the one goal every initiative leads to.',
      ],
      ru: [
        'В сессии не сформулировано видение.',
        'Добавьте vision с title и statement — ту единую цель, к которой ведут все инициативы.',
      ],
      uk: [
        'У сесії не сформульовано бачення.',
        'Додайте vision з title і statement — ту єдину мету, до якої ведуть усі ініціативи.',
      ],
    },
    check(model, report) {
      if (!model.vision && (model.goals.length > 0 || model.initiatives.length > 0)) report(['vision']);
    },
  }),
  defineRule({
    code: 'P3-initiative-orphan',
    severity: 'error',
    text: {
      en: [
        'Initiative "{title}" serves no goal.',
        'Link it to the goals it moves (goals: [...]), or drop it: work that leads nowhere scatters effort.',
      ],
      ru: [
        'Инициатива «{title}» не служит ни одной цели.',
        'Свяжите её с целями (goals: [...]) или откажитесь от неё: работа, которая никуда не ведёт, распыляет силы.',
      ],
      uk: [
        'Ініціатива «{title}» не служить жодній цілі.',
        'Повʼяжіть її з цілями (goals: [...]) або відмовтеся від неї: робота, що нікуди не веде, розпорошує сили.',
      ],
    },
    check(model, report) {
      model.initiatives.forEach((n, i) => {
        if (n.goals.length === 0) report(['initiatives', i, 'goals'], { title: n.title });
      });
    },
  }),
  defineRule({
    code: 'P3-goal-no-path',
    severity: 'error',
    text: {
      en: [
        'Goal "{title}" has no path to the vision.',
        'Give it a parent goal that leads up to a strategic goal, or make it strategic.',
      ],
      ru: [
        'У цели «{title}» нет пути к видению.',
        'Укажите родительскую цель, ведущую к стратегической, или сделайте цель стратегической.',
      ],
      uk: [
        'Ціль «{title}» не має шляху до бачення.',
        'Вкажіть батьківську ціль, що веде до стратегічної, або зробіть ціль стратегічною.',
      ],
    },
    check(model, report) {
      if (!model.vision) return;
      model.goals.forEach((g, i) => {
        if (!g.reachesVision) report(['goals', i, 'parent'], { title: g.title });
      });
    },
  }),
  defineRule({
    code: 'P3-focus-lost',
    severity: 'warning',
    text: {
      en: [
        '{count} priorities are marked critical; focus means two or three.',
        'Keep the 2–3 that matter most critical and set critical: false on the rest.',
      ],
      ru: [
        'Критическими отмечены {count} приоритетов; фокус — это два-три.',
        'Оставьте критическими 2–3 главных, остальным задайте critical: false.',
      ],
      uk: [
        'Критичними позначено {count} пріоритетів; фокус — це два-три.',
        'Залиште критичними 2–3 головні, решті задайте critical: false.',
      ],
    },
    check(model, report) {
      const critical = model.priorities.filter((p) => p.critical);
      if (critical.length > MAX_CRITICAL_PRIORITIES) report(['priorities'], { count: critical.length });
    },
  }),
  defineRule({
    code: 'P3-priority-missing',
    severity: 'warning',
    text: {
      en: ['No critical priority is named.', 'Name the 2–3 critical priorities the initiatives serve.'],
      ru: [
        'Не названо ни одного критического приоритета.',
        'Назовите 2–3 критических приоритета, которым служат инициативы.',
      ],
      uk: ['Не названо жодного критичного пріоритету.', 'Назвіть 2–3 критичні пріоритети, яким служать ініціативи.'],
    },
    check(model, report) {
      if (model.initiatives.length > 0 && !model.priorities.some((p) => p.critical)) report(['priorities']);
    },
  }),
  defineRule({
    code: 'P3-priority-empty',
    severity: 'warning',
    text: {
      en: ['Priority "{title}" has no goals.', 'List the goals it pursues (goals: [...]).'],
      ru: ['У приоритета «{title}» нет целей.', 'Перечислите цели, которых он добивается (goals: [...]).'],
      uk: ['Пріоритет «{title}» не має цілей.', 'Перелічіть цілі, яких він досягає (goals: [...]).'],
    },
    check(model, report) {
      model.priorities.forEach((p, i) => {
        if (p.goals.length === 0) report(['priorities', i, 'goals'], { title: p.title });
      });
    },
  }),
  defineRule({
    code: 'P3-dependency-order',
    severity: 'warning',
    text: {
      en: [
        'Initiative "{title}" is due {due}, before "{dependency}", which it depends on, is due ({dependencyDue}).',
        'Move the due date after {dependencyDue}, or remove the dependency.',
      ],
      ru: [
        'Срок инициативы «{title}» — {due}, раньше срока «{dependency}» ({dependencyDue}), от которой она зависит.',
        'Перенесите срок на после {dependencyDue} или уберите зависимость.',
      ],
      uk: [
        'Строк ініціативи «{title}» — {due}, раніше строку «{dependency}» ({dependencyDue}), від якої вона залежить.',
        'Перенесіть строк на після {dependencyDue} або приберіть залежність.',
      ],
    },
    check(model, report) {
      model.initiatives.forEach((n, i) => {
        n.dependsOn.forEach((dep, j) => {
          if (n.due && dep.due && n.due < dep.due) {
            report(['initiatives', i, 'dependsOn', j], {
              title: n.title,
              due: n.due,
              dependency: dep.title,
              dependencyDue: dep.due,
            });
          }
        });
      });
    },
  }),
];
