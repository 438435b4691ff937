import { defineRule, type LintRule } from './rule.js';

/** Longest vision statement that still reads from a poster on the wall. */
export const MAX_VISION_LENGTH = 240;

/** Principle 5: be a communication tool for the whole company, down to the shift foreman. */
export const P5_RULES: readonly LintRule[] = [
  defineRule({
    code: 'P5-request-missing',
    severity: 'warning',
    text: {
      en: [
        'The session states no request: what it was asked to solve.',
        'Set session.request; without it, readers cannot tell whether the outcome answers it.',
      ],
      ru: [
        'Не указан запрос сессии — какую задачу она решала.',
        'Заполните session.request: без него читатель не поймёт, ответила ли сессия на запрос.',
      ],
      uk: [
        'Не вказано запит сесії — яке завдання вона розвʼязувала.',
        'Заповніть session.request: без нього читач не зрозуміє, чи відповіла сесія на запит.',
      ],
    },
    check(model, report) {
      if (!model.session.request) report(['session', 'request']);
    },
  }),
  defineRule({
    code: 'P5-unit-no-line-of-sight',
    severity: 'warning',
    text: {
      en: [
        'Unit "{name}" has no line of sight: no initiative involves it.',
        'Add "{id}" to the units of the initiatives it contributes to, so its people see how their work links to the goals.',
      ],
      ru: [
        'У подразделения «{name}» нет линии видимости: ни одна инициатива его не затрагивает.',
        'Добавьте "{id}" в units инициатив, в которые оно вносит вклад, чтобы его люди видели связь своей работы с целями.',
      ],
      uk: [
        'Підрозділ «{name}» не має лінії видимості: жодна ініціатива його не стосується.',
        'Додайте "{id}" до units ініціатив, у які він робить внесок, щоб його люди бачили звʼязок своєї роботи з цілями.',
      ],
    },
    check(model, report) {
      model.lineOfSight.forEach((los, i) => {
        if (los.links.length === 0 && los.unit.kind !== 'sphere')
          report(['units', i], { name: los.unit.name, id: los.unit.id });
      });
    },
  }),
  defineRule({
    code: 'P5-parking-owner-missing',
    severity: 'warning',
    text: {
      en: [
        'Parking-lot question "{title}" has no owner.',
        'Set owner: set-aside questions without an owner are never answered.',
      ],
      ru: [
        'У вопроса с парковки «{title}» нет ответственного.',
        'Укажите owner: отложенные вопросы без ответственного так и остаются без ответа.',
      ],
      uk: [
        'Питання з парковки «{title}» не має відповідального.',
        'Вкажіть owner: відкладені питання без відповідального так і лишаються без відповіді.',
      ],
    },
    check(model, report) {
      model.parkingLot.forEach((x, i) => {
        if (!x.owner && x.status === 'open') report(['parkingLot', i, 'owner'], { title: x.title });
      });
    },
  }),
  defineRule({
    code: 'P5-vision-too-long',
    severity: 'warning',
    text: {
      en: [
        'The vision statement has {length} characters; on a poster it will not be read.',
        'Say it in under {limit} characters; details go to the priorities.',
      ],
      ru: [
        'В формулировке видения {length} знаков — на плакате её не прочтут.',
        'Уложитесь в {limit} знаков; подробности — в приоритеты.',
      ],
      uk: [
        'Формулювання бачення має {length} знаків — на плакаті його не прочитають.',
        'Вкладіться в {limit} знаків; подробиці — у пріоритети.',
      ],
    },
    check(model, report) {
      const length = model.vision?.statement.length ?? 0;
      if (length > MAX_VISION_LENGTH) report(['vision', 'statement'], { length, limit: MAX_VISION_LENGTH });
    },
  }),
  defineRule({
    code: 'P5-key-numbers-missing',
    severity: 'info',
    text: {
      en: [
        'The poster has no key numbers.',
        'List 3–5 control points under poster.keyNumbers; people remember targets, not tables.',
      ],
      ru: [
        'На плакате нет ключевых цифр.',
        'Перечислите 3–5 контрольных точек в poster.keyNumbers: люди запоминают цели-цифры, а не таблицы.',
      ],
      uk: [
        'На плакаті немає ключових цифр.',
        'Перелічіть 3–5 контрольних точок у poster.keyNumbers: люди запамʼятовують цифри-цілі, а не таблиці.',
      ],
    },
    check(model, report) {
      if (model.poster.keyNumbers.length === 0 && model.controlPoints.length > 0) report(['poster', 'keyNumbers']);
    },
  }),
  defineRule({
    code: 'P5-follow-up-missing',
    severity: 'info',
    text: {
      en: [
        'No follow-up cadence is set.',
        'Add followUp (weekly item, monthly review): a pack without follow-up is handed in and forgotten.',
      ],
      ru: [
        'Не задан ритм сопровождения.',
        'Добавьте followUp (еженедельный пункт, ежемесячный разбор): без сопровождения отчёт сдают и забывают.',
      ],
      uk: [
        'Не задано ритм супроводу.',
        'Додайте followUp (щотижневий пункт, щомісячний огляд): без супроводу звіт здають і забувають.',
      ],
    },
    check(model, report) {
      if (!model.followUp && model.initiatives.length > 0) report(['followUp']);
    },
  }),
];
