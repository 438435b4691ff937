import { defineRule, type LintRule } from './rule.js';

/** Principle 1: record the essence of decisions — what was decided and why — not the course of the discussion. */
export const P1_RULES: readonly LintRule[] = [
  defineRule({
    code: 'P1-statement-missing',
    severity: 'error',
    text: {
      en: [
        'Decision "{title}" does not say what was decided.',
        'Add a statement: the decision itself in one or two sentences.',
      ],
      ru: [
        'В решении «{title}» не сказано, что именно решено.',
        'Добавьте statement: само решение в одном-двух предложениях.',
      ],
      uk: [
        'У рішенні «{title}» не сказано, що саме вирішено.',
        'Додайте statement: саме рішення в одному-двох реченнях.',
      ],
    },
    check(model, report) {
      model.decisions.forEach((d, i) => {
        if (!d.statement) report(['decisions', i, 'statement'], { title: d.title });
      });
    },
  }),
  defineRule({
    code: 'P1-rationale-missing',
    severity: 'error',
    text: {
      en: [
        'Decision "{title}" has no rationale.',
        'Add a rationale: why this option won. Without the why, the decision is reopened at the next meeting.',
      ],
      ru: [
        'У решения «{title}» нет обоснования.',
        'Добавьте rationale: почему выбран этот вариант. Без «почему» решение пересматривают на следующем совещании.',
      ],
      uk: [
        'Рішення «{title}» не має обґрунтування.',
        'Додайте rationale: чому обрано саме цей варіант. Без «чому» рішення переглядають на наступній нараді.',
      ],
    },
    check(model, report) {
      model.decisions.forEach((d, i) => {
        if (!d.rationale) report(['decisions', i, 'rationale'], { title: d.title });
      });
    },
  }),
  defineRule({
    code: 'P1-economics-missing',
    severity: 'error',
    text: {
      en: [
        'Decision "{title}" commits money but gives no figure.',
        'Add economics with at least one cost, benefit or payback figure.',
      ],
      ru: [
        'Решение «{title}» связано с деньгами, но в нём нет ни одной цифры.',
        'Добавьте economics: хотя бы одну сумму затрат, выгоды или срок окупаемости.',
      ],
      uk: [
        'Рішення «{title}» стосується грошей, але не містить жодної цифри.',
        'Додайте economics: хоча б одну суму витрат, вигоди або строк окупності.',
      ],
    },
    check(model, report) {
      model.decisions.forEach((d, i) => {
        if (d.economic && !d.economics?.hasFigures) report(['decisions', i, 'economics'], { title: d.title });
      });
    },
  }),
  defineRule({
    code: 'P1-option-missing',
    severity: 'warning',
    text: {
      en: [
        'Decision "{title}" records no alternative that was considered.',
        'List at least one rejected option and why it lost, so readers see the choice was weighed.',
      ],
      ru: [
        'В решении «{title}» нет ни одной рассмотренной альтернативы.',
        'Укажите хотя бы один отклонённый вариант и причину отказа, чтобы было видно, что выбор взвешивали.',
      ],
      uk: [
        'У рішенні «{title}» немає жодної розглянутої альтернативи.',
        'Вкажіть хоча б один відхилений варіант і причину відмови, щоб було видно, що вибір зважували.',
      ],
    },
    check(model, report) {
      model.decisions.forEach((d, i) => {
        if (d.status !== 'rejected' && !d.options.some((o) => !o.chosen))
          report(['decisions', i, 'options'], { title: d.title });
      });
    },
  }),
  defineRule({
    code: 'P1-rejection-reason-missing',
    severity: 'warning',
    text: {
      en: [
        'Option "{option}" of decision "{title}" was rejected without a reason.',
        'Add rejectedBecause: one sentence on why it lost.',
      ],
      ru: [
        'Вариант «{option}» решения «{title}» отклонён без причины.',
        'Добавьте rejectedBecause: одно предложение о том, почему от него отказались.',
      ],
      uk: [
        'Варіант «{option}» рішення «{title}» відхилено без причини.',
        'Додайте rejectedBecause: одне речення про те, чому від нього відмовилися.',
      ],
    },
    check(model, report) {
      model.decisions.forEach((d, i) => {
        d.options.forEach((o, j) => {
          if (!o.chosen && !o.rejectedBecause)
            report(['decisions', i, 'options', j, 'rejectedBecause'], { title: d.title, option: o.title });
        });
      });
    },
  }),
  defineRule({
    code: 'P1-decider-missing',
    severity: 'error',
    text: {
      en: [
        'Nobody is named as having taken decision "{title}".',
        'Add deciders: the people who took it and will answer for it.',
      ],
      ru: [
        'Не указано, кто принял решение «{title}».',
        'Добавьте deciders: людей, которые приняли решение и отвечают за него.',
      ],
      uk: [
        'Не вказано, хто ухвалив рішення «{title}».',
        'Додайте deciders: людей, які ухвалили рішення і відповідають за нього.',
      ],
    },
    check(model, report) {
      model.decisions.forEach((d, i) => {
        if (d.deciders.length === 0) report(['decisions', i, 'deciders'], { title: d.title });
      });
    },
  }),
  defineRule({
    code: 'P1-decision-unlinked',
    severity: 'warning',
    text: {
      en: [
        'Decision "{title}" is linked to no goal and no initiative.',
        'Link it to the goals it serves or the initiatives it launches, so it can be traced.',
      ],
      ru: [
        'Решение «{title}» не связано ни с одной целью или инициативой.',
        'Свяжите его с целями, которым оно служит, или с инициативами, которые оно запускает.',
      ],
      uk: [
        'Рішення «{title}» не повʼязане з жодною ціллю чи ініціативою.',
        'Повʼяжіть його з цілями, яким воно служить, або з ініціативами, які воно запускає.',
      ],
    },
    check(model, report) {
      model.decisions.forEach((d, i) => {
        if (d.goals.length === 0 && d.initiatives.length === 0) report(['decisions', i], { title: d.title });
      });
    },
  }),
  defineRule({
    code: 'P1-discussion-not-decision',
    severity: 'warning',
    text: {
      en: [
        'Decision "{title}" runs to {length} characters: it reads like a record of the discussion.',
        'Keep the statement and rationale to the essence (under {limit} characters); the discussion belongs in the working notes.',
      ],
      ru: [
        'Решение «{title}» занимает {length} знаков: это похоже на стенограмму обсуждения.',
        'Оставьте в statement и rationale только суть (до {limit} знаков); ход обсуждения — в рабочих заметках.',
      ],
      uk: [
        'Рішення «{title}» займає {length} знаків: це схоже на стенограму обговорення.',
        'Залиште в statement і rationale лише суть (до {limit} знаків); хід обговорення — у робочих нотатках.',
      ],
    },
    check(model, report) {
      const limit = 1200;
      model.decisions.forEach((d, i) => {
        const length = (d.statement?.length ?? 0) + (d.rationale?.length ?? 0);
        if (length > limit) report(['decisions', i], { title: d.title, length, limit });
      });
    },
  }),
  defineRule({
    code: 'P1-superseded-without-successor',
    severity: 'warning',
    text: {
      en: [
        'Decision "{title}" is marked superseded, but no decision supersedes it.',
        'Add the new decision with supersedes: "{id}", so readers know what holds now.',
      ],
      ru: [
        'Решение «{title}» помечено как заменённое, но заменяющего решения нет.',
        'Добавьте новое решение с supersedes: "{id}", чтобы было ясно, что действует сейчас.',
      ],
      uk: [
        'Рішення «{title}» позначене як замінене, але рішення, що його замінює, немає.',
        'Додайте нове рішення з supersedes: "{id}", щоб було ясно, що діє зараз.',
      ],
    },
    check(model, report) {
      model.decisions.forEach((d, i) => {
        if (d.status === 'superseded' && !d.supersededBy)
          report(['decisions', i, 'status'], { title: d.title, id: d.id });
      });
    },
  }),
  defineRule({
    code: 'P1-superseded-still-active',
    severity: 'warning',
    text: {
      en: [
        'Decision "{title}" supersedes "{old}", which is still marked {status}.',
        'Set the status of "{old}" to superseded.',
      ],
      ru: [
        'Решение «{title}» заменяет «{old}», но то всё ещё помечено как {status}.',
        'Установите у «{old}» статус superseded.',
      ],
      uk: [
        'Рішення «{title}» замінює «{old}», але те досі позначене як {status}.',
        'Встановіть для «{old}» статус superseded.',
      ],
    },
    check(model, report) {
      model.decisions.forEach((d, i) => {
        if (d.supersedes && d.supersedes.status !== 'superseded' && d.status === 'approved') {
          report(['decisions', i, 'supersedes'], {
            title: d.title,
            old: d.supersedes.title,
            status: d.supersedes.status,
          });
        }
      });
    },
  }),
];
