import type { Initiative } from '../model/index.js';
import { defineRule, type LintRule } from './rule.js';

/** Initiatives that still need planning: not finished or dropped. */
const active = (n: Initiative) => n.status !== 'done' && n.status !== 'cancelled';

/** Principle 2: be the basis for resource planning — what will be done, who is responsible, which resources first. */
export const P2_RULES: readonly LintRule[] = [
  defineRule({
    code: 'P2-owner-missing',
    severity: 'error',
    text: {
      en: [
        'Initiative "{title}" has no accountable owner.',
        'Set owner to the one person who answers for it; others go to team.',
      ],
      ru: [
        'У инициативы «{title}» нет ответственного.',
        'Укажите owner — одного человека, который отвечает за результат; остальных — в team.',
      ],
      uk: [
        'Ініціатива «{title}» не має відповідальної особи.',
        'Вкажіть owner — одну особу, яка відповідає за результат; решту — у team.',
      ],
    },
    check(model, report) {
      model.initiatives.forEach((n, i) => {
        if (!n.owner) report(['initiatives', i, 'owner'], { title: n.title });
      });
    },
  }),
  defineRule({
    code: 'P2-accountable-to-missing',
    severity: 'warning',
    text: {
      en: ['It is not clear to whom the owner of "{title}" answers.', 'Set accountableTo, or reportsTo on {owner}.'],
      ru: [
        'Непонятно, перед кем отвечает ответственный за «{title}».',
        'Укажите accountableTo или reportsTo у {owner}.',
      ],
      uk: [
        'Незрозуміло, перед ким звітує відповідальний за «{title}».',
        'Вкажіть accountableTo або reportsTo для {owner}.',
      ],
    },
    check(model, report) {
      model.initiatives.forEach((n, i) => {
        if (n.owner && !n.accountableTo)
          report(['initiatives', i, 'accountableTo'], { title: n.title, owner: n.owner.name });
      });
    },
  }),
  defineRule({
    code: 'P2-due-missing',
    severity: 'error',
    text: {
      en: [
        'Initiative "{title}" has no due date.',
        'Set due: a plan without a date cannot be resourced or controlled.',
      ],
      ru: [
        'У инициативы «{title}» нет срока.',
        'Укажите due: план без срока нельзя ни обеспечить ресурсами, ни проконтролировать.',
      ],
      uk: [
        'Ініціатива «{title}» не має строку.',
        'Вкажіть due: план без строку не можна ні забезпечити ресурсами, ні проконтролювати.',
      ],
    },
    check(model, report) {
      model.initiatives.forEach((n, i) => {
        if (!n.due && active(n)) report(['initiatives', i, 'due'], { title: n.title });
      });
    },
  }),
  defineRule({
    code: 'P2-start-missing',
    severity: 'warning',
    text: {
      en: ['Initiative "{title}" has no start date.', 'Set start, so resources can be scheduled by month.'],
      ru: ['У инициативы «{title}» нет даты начала.', 'Укажите start, чтобы распределить ресурсы по месяцам.'],
      uk: ['Ініціатива «{title}» не має дати початку.', 'Вкажіть start, щоб розподілити ресурси за місяцями.'],
    },
    check(model, report) {
      model.initiatives.forEach((n, i) => {
        if (!n.start && active(n)) report(['initiatives', i, 'start'], { title: n.title });
      });
    },
  }),
  defineRule({
    code: 'P2-resources-missing',
    severity: 'warning',
    text: {
      en: [
        'Initiative "{title}" lists no resources.',
        'Add resources (budget, specialists, equipment) with initiative: "{id}", or finance cannot plan for it.',
      ],
      ru: [
        'Для инициативы «{title}» не указаны ресурсы.',
        'Добавьте resources (бюджет, специалисты, оборудование) с initiative: "{id}", иначе финансы не смогут её запланировать.',
      ],
      uk: [
        'Для ініціативи «{title}» не вказано ресурсів.',
        'Додайте resources (бюджет, фахівці, обладнання) з initiative: "{id}", інакше фінанси не зможуть її запланувати.',
      ],
    },
    check(model, report) {
      model.initiatives.forEach((n, i) => {
        if (n.resources.length === 0 && active(n) && n.status !== 'proposed')
          report(['initiatives', i], { title: n.title, id: n.id });
      });
    },
  }),
  defineRule({
    code: 'P2-resource-quantity-missing',
    severity: 'warning',
    text: {
      en: ['Resource "{title}" says neither how much nor how many.', 'Add quantity with unit (e.g. 2 FTE), or a cost.'],
      ru: ['В ресурсе «{title}» не указано, сколько нужно.', 'Укажите quantity с unit (например, 2 ставки) или cost.'],
      uk: [
        'У ресурсі «{title}» не вказано, скільки потрібно.',
        'Вкажіть quantity з unit (наприклад, 2 ставки) або cost.',
      ],
    },
    check(model, report) {
      model.resources.forEach((r, i) => {
        if (r.quantity === null && r.cost === null) report(['resources', i, 'quantity'], { title: r.title });
      });
    },
  }),
  defineRule({
    code: 'P2-resource-need-date-missing',
    severity: 'warning',
    text: {
      en: [
        'Resource "{title}" has no date it is needed by.',
        'Set neededBy, so it lands in the right month of the plan.',
      ],
      ru: [
        'Для ресурса «{title}» не указано, к какому сроку он нужен.',
        'Укажите neededBy, чтобы ресурс попал в нужный месяц плана.',
      ],
      uk: [
        'Для ресурсу «{title}» не вказано, до якого строку він потрібен.',
        'Вкажіть neededBy, щоб ресурс потрапив у потрібний місяць плану.',
      ],
    },
    check(model, report) {
      model.resources.forEach((r, i) => {
        if (!r.neededBy) report(['resources', i, 'neededBy'], { title: r.title });
      });
    },
  }),
  defineRule({
    code: 'P2-first-resources-unmarked',
    severity: 'info',
    text: {
      en: [
        'None of the resources of "{title}" is marked as needed first.',
        'Mark with neededFirst: true what must be in place before work can start.',
      ],
      ru: [
        'Ни один ресурс инициативы «{title}» не отмечен как первоочередной.',
        'Отметьте neededFirst: true то, без чего работу не начать.',
      ],
      uk: [
        'Жоден ресурс ініціативи «{title}» не позначено як першочерговий.',
        'Позначте neededFirst: true те, без чого роботу не почати.',
      ],
    },
    check(model, report) {
      model.initiatives.forEach((n, i) => {
        if (n.resources.length > 0 && !n.resources.some((r) => r.neededFirst))
          report(['initiatives', i], { title: n.title });
      });
    },
  }),
  defineRule({
    code: 'P2-action-unassigned',
    severity: 'warning',
    text: {
      en: ['Action "{title}" lacks {missing}.', 'Every action needs one owner and a due date.'],
      ru: ['У действия «{title}» нет: {missing}.', 'У каждого действия должны быть исполнитель и срок.'],
      uk: ['Для дії «{title}» бракує: {missing}.', 'Кожна дія має мати виконавця і строк.'],
    },
    check(model, report) {
      model.actions.forEach((a, i) => {
        const missing = [a.owner ? '' : 'owner', a.due ? '' : 'due'].filter(Boolean);
        if (missing.length > 0 && a.status !== 'done' && a.status !== 'cancelled') {
          report(['actions', i, missing[0] as string], { title: a.title, missing: missing.join(', ') });
        }
      });
    },
  }),
];
