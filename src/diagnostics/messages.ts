import type { Locale } from '../schema/index.js';

/** Kinds of entity a reference can point at. */
export type EntityKind =
  | 'sphere'
  | 'unit'
  | 'person'
  | 'goal'
  | 'priority'
  | 'decision'
  | 'initiative'
  | 'resource'
  | 'controlPoint'
  | 'action'
  | 'risk'
  | 'parkingItem'
  | 'swotItem'
  | 'towsStrategy'
  | 'participant'
  | 'agendaBlock'
  | 'direction';

type Params = Record<string, string | number>;
type Template = (p: Params) => string;
interface MessageEntry {
  readonly message: Template;
  readonly hint?: Template;
}

/** Codes of the validation diagnostics (schema, syntax and cross-reference checks). */
export type ValidationCode =
  | 'syntax/json'
  | 'syntax/yaml'
  | 'syntax/empty'
  | 'schema/required'
  | 'schema/type'
  | 'schema/enum'
  | 'schema/unknown-key'
  | 'schema/format'
  | 'schema/too-small'
  | 'schema/too-big'
  | 'schema/invalid'
  | 'id/duplicate'
  | 'ref/unknown'
  | 'cycle/depends-on'
  | 'cycle/goal-parent'
  | 'cycle/unit-parent'
  | 'cycle/reports-to'
  | 'cycle/supersedes'
  | 'date/order'
  | 'date/invalid'
  | 'timezone/unknown'
  | 'money/currency-missing'
  | 'tows/cites-mismatch'
  | 'input/read';

const KIND_NAMES: Record<Locale, Record<EntityKind, string>> = {
  en: {
    sphere: 'sphere',
    unit: 'unit',
    person: 'person',
    goal: 'goal',
    priority: 'priority',
    decision: 'decision',
    initiative: 'initiative',
    resource: 'resource',
    controlPoint: 'control point',
    action: 'action',
    risk: 'risk',
    parkingItem: 'parking-lot item',
    swotItem: 'SWOT item',
    towsStrategy: 'TOWS strategy',
    participant: 'participant',
    agendaBlock: 'agenda block',
    direction: 'vision direction',
  },
  ru: {
    sphere: 'сфера',
    unit: 'подразделение',
    person: 'человек',
    goal: 'цель',
    priority: 'приоритет',
    decision: 'решение',
    initiative: 'инициатива',
    resource: 'ресурс',
    controlPoint: 'контрольная точка',
    action: 'действие',
    risk: 'риск',
    parkingItem: 'вопрос с парковки',
    swotItem: 'пункт SWOT',
    towsStrategy: 'стратегия TOWS',
    participant: 'участник',
    agendaBlock: 'блок повестки',
    direction: 'направление видения',
  },
  uk: {
    sphere: 'сфера',
    unit: 'підрозділ',
    person: 'особа',
    goal: 'ціль',
    priority: 'пріоритет',
    decision: 'рішення',
    initiative: 'ініціатива',
    resource: 'ресурс',
    controlPoint: 'контрольна точка',
    action: 'дія',
    risk: 'ризик',
    parkingItem: 'питання з парковки',
    swotItem: 'пункт SWOT',
    towsStrategy: 'стратегія TOWS',
    participant: 'учасник',
    agendaBlock: 'блок порядку денного',
    direction: 'напрям бачення',
  },
};

/** The name of an entity kind in the given language. */
export function kindName(kind: EntityKind, locale: Locale): string {
  return KIND_NAMES[locale][kind];
}

const q = (s: string | number | undefined) => `"${s ?? ''}"`;

const EN: Record<ValidationCode, MessageEntry> = {
  'syntax/json': {
    message: (p) => `The file is not valid JSON: ${p.detail}`,
    hint: () => 'Look for a missing comma, quote or closing bracket at or just before this place.',
  },
  'syntax/yaml': {
    message: (p) => `The file is not valid YAML: ${p.detail}`,
    hint: () => 'Check the indentation (spaces, not tabs) and quote values that contain ": " or start with a symbol.',
  },
  'syntax/empty': {
    message: () => 'The input is empty.',
    hint: () => 'Run `stratdoc init` to write an example session to start from.',
  },
  'schema/required': {
    message: (p) => `${q(p.field)} is required.`,
    hint: (p) => (p.about ? `Add it: ${p.about}` : 'Add the field.'),
  },
  'schema/type': {
    message: (p) => `Expected ${p.expected}, got ${p.received}.`,
    hint: (p) => (p.about ? String(p.about) : 'Change the value to the expected type.'),
  },
  'schema/enum': {
    message: (p) => `${q(p.value)} is not allowed here; use one of: ${p.options}.`,
    hint: (p) => (p.suggestion ? `Did you mean ${q(p.suggestion)}?` : `Allowed: ${p.options}.`),
  },
  'schema/unknown-key': {
    message: (p) => `Unknown field ${q(p.key)}.`,
    hint: (p) => (p.suggestion ? `Did you mean ${q(p.suggestion)}?` : `Fields allowed here: ${p.allowed}.`),
  },
  'schema/format': {
    message: (p) => `${q(p.value)} is not ${p.format}.`,
    hint: (p) => `Write it as ${p.example}.`,
  },
  'schema/too-small': {
    message: (p) => (p.what === 'string' ? 'Must not be empty.' : `Must be at least ${p.minimum}.`),
    hint: (p) => (p.about ? String(p.about) : 'Increase the value.'),
  },
  'schema/too-big': {
    message: (p) => `Must be at most ${p.maximum}.`,
    hint: (p) => (p.about ? String(p.about) : 'Reduce the value.'),
  },
  'schema/invalid': {
    message: (p) => String(p.detail),
    hint: (p) => (p.about ? String(p.about) : 'Check the value against the schema (`stratdoc schema`).'),
  },
  'id/duplicate': {
    message: (p) => `The id ${q(p.id)} is used twice in ${p.collection}.`,
    hint: (p) => `Ids must be unique; it is first used at ${p.first}. Rename one of them.`,
  },
  'ref/unknown': {
    message: (p) => `No ${p.kind} has the id ${q(p.id)}.`,
    hint: (p) =>
      p.suggestion ? `Did you mean ${q(p.suggestion)}?` : `Define it in ${p.collection}, or correct the id.`,
  },
  'cycle/depends-on': {
    message: (p) => `Initiatives depend on each other in a circle: ${p.chain}.`,
    hint: () => 'Remove one of these dependsOn links: an initiative cannot wait for itself.',
  },
  'cycle/goal-parent': {
    message: (p) => `Goals are each other's parents in a circle: ${p.chain}.`,
    hint: () => 'A goal tree has no loops; remove or change one of these parent links.',
  },
  'cycle/unit-parent': {
    message: (p) => `Units are each other's parents in a circle: ${p.chain}.`,
    hint: () => 'Remove or change one of these parent links.',
  },
  'cycle/reports-to': {
    message: (p) => `People report to each other in a circle: ${p.chain}.`,
    hint: () => 'Remove or change one of these reportsTo links.',
  },
  'cycle/supersedes': {
    message: (p) => `Decisions supersede each other in a circle: ${p.chain}.`,
    hint: () => 'A decision can only supersede an earlier one; remove one of these links.',
  },
  'date/order': {
    message: (p) => `${p.later} (${p.laterValue}) is before ${p.earlier} (${p.earlierValue}).`,
    hint: () => 'Swap the dates or correct the one that is wrong.',
  },
  'date/invalid': {
    message: (p) => `${q(p.value)} is not a real calendar date.`,
    hint: () => 'Write a date that exists, as YYYY-MM-DD.',
  },
  'timezone/unknown': {
    message: (p) => `${q(p.value)} is not a time zone.`,
    hint: () => 'Give an IANA time zone name such as Europe/Kyiv, Europe/Moscow or UTC.',
  },
  'money/currency-missing': {
    message: () => 'This amount has no currency and the session sets none.',
    hint: () => 'Set session.currency (e.g. "EUR") or give this amount a currency.',
  },
  'tows/cites-mismatch': {
    message: (p) => `A ${p.kind} strategy should cite at least one ${p.missing} item.`,
    hint: (p) => `Add the id of a SWOT ${p.missing} item to cites, or change the kind.`,
  },
  'input/read': {
    message: (p) => `Cannot read ${p.file}: ${p.detail}`,
    hint: () => 'Check the path, or pass - to read from standard input.',
  },
};

const RU: Record<ValidationCode, MessageEntry> = {
  'syntax/json': {
    message: (p) => `Файл не является корректным JSON: ${p.detail}`,
    hint: () => 'Проверьте запятые, кавычки и закрывающие скобки в этом месте или чуть выше.',
  },
  'syntax/yaml': {
    message: (p) => `Файл не является корректным YAML: ${p.detail}`,
    hint: () =>
      'Проверьте отступы (пробелы, не табуляция); значения с «: » или со спецсимволом в начале возьмите в кавычки.',
  },
  'syntax/empty': {
    message: () => 'Входные данные пусты.',
    hint: () => 'Команда `stratdoc init` запишет пример сессии, с которого можно начать.',
  },
  'schema/required': {
    message: (p) => `Поле ${q(p.field)} обязательно.`,
    hint: (p) => (p.about ? `Добавьте его: ${p.about}` : 'Добавьте это поле.'),
  },
  'schema/type': {
    message: (p) => `Ожидается ${p.expected}, а указано ${p.received}.`,
    hint: (p) => (p.about ? String(p.about) : 'Замените значение на значение нужного типа.'),
  },
  'schema/enum': {
    message: (p) => `Значение ${q(p.value)} здесь недопустимо; возможны: ${p.options}.`,
    hint: (p) => (p.suggestion ? `Возможно, имелось в виду ${q(p.suggestion)}?` : `Допустимо: ${p.options}.`),
  },
  'schema/unknown-key': {
    message: (p) => `Неизвестное поле ${q(p.key)}.`,
    hint: (p) =>
      p.suggestion ? `Возможно, имелось в виду ${q(p.suggestion)}?` : `Здесь допустимы поля: ${p.allowed}.`,
  },
  'schema/format': {
    message: (p) => `${q(p.value)} — не ${p.format}.`,
    hint: (p) => `Запишите в виде ${p.example}.`,
  },
  'schema/too-small': {
    message: (p) =>
      p.what === 'string' ? 'Значение не должно быть пустым.' : `Значение должно быть не меньше ${p.minimum}.`,
    hint: (p) => (p.about ? String(p.about) : 'Увеличьте значение.'),
  },
  'schema/too-big': {
    message: (p) => `Значение должно быть не больше ${p.maximum}.`,
    hint: (p) => (p.about ? String(p.about) : 'Уменьшите значение.'),
  },
  'schema/invalid': {
    message: (p) => String(p.detail),
    hint: (p) => (p.about ? String(p.about) : 'Сверьте значение со схемой (`stratdoc schema`).'),
  },
  'id/duplicate': {
    message: (p) => `Идентификатор ${q(p.id)} дважды встречается в ${p.collection}.`,
    hint: (p) => `Идентификаторы должны быть уникальны; впервые он использован в ${p.first}. Переименуйте один из них.`,
  },
  'ref/unknown': {
    message: (p) => `Нет объекта «${p.kind}» с идентификатором ${q(p.id)}.`,
    hint: (p) =>
      p.suggestion
        ? `Возможно, имелось в виду ${q(p.suggestion)}?`
        : `Опишите его в ${p.collection} или исправьте идентификатор.`,
  },
  'cycle/depends-on': {
    message: (p) => `Инициативы зависят друг от друга по кругу: ${p.chain}.`,
    hint: () => 'Уберите одну из связей dependsOn: инициатива не может ждать сама себя.',
  },
  'cycle/goal-parent': {
    message: (p) => `Цели являются родителями друг друга по кругу: ${p.chain}.`,
    hint: () => 'В дереве целей нет петель; уберите или измените одну из связей parent.',
  },
  'cycle/unit-parent': {
    message: (p) => `Подразделения вложены друг в друга по кругу: ${p.chain}.`,
    hint: () => 'Уберите или измените одну из связей parent.',
  },
  'cycle/reports-to': {
    message: (p) => `Люди подчиняются друг другу по кругу: ${p.chain}.`,
    hint: () => 'Уберите или измените одну из связей reportsTo.',
  },
  'cycle/supersedes': {
    message: (p) => `Решения заменяют друг друга по кругу: ${p.chain}.`,
    hint: () => 'Решение может заменить только более раннее; уберите одну из связей.',
  },
  'date/order': {
    message: (p) => `${p.later} (${p.laterValue}) раньше, чем ${p.earlier} (${p.earlierValue}).`,
    hint: () => 'Поменяйте даты местами или исправьте неверную.',
  },
  'date/invalid': {
    message: (p) => `${q(p.value)} — несуществующая дата.`,
    hint: () => 'Укажите существующую дату в виде ГГГГ-ММ-ДД.',
  },
  'timezone/unknown': {
    message: (p) => `${q(p.value)} — неизвестный часовой пояс.`,
    hint: () => 'Укажите часовой пояс по базе IANA, например Europe/Moscow, Europe/Kyiv или UTC.',
  },
  'money/currency-missing': {
    message: () => 'У суммы не указана валюта, и у сессии валюты нет.',
    hint: () => 'Задайте session.currency (например, "RUB") или укажите валюту у этой суммы.',
  },
  'tows/cites-mismatch': {
    message: (p) => `Стратегия ${p.kind} должна ссылаться хотя бы на один пункт «${p.missing}».`,
    hint: (p) => `Добавьте в cites идентификатор пункта SWOT «${p.missing}» или измените тип стратегии.`,
  },
  'input/read': {
    message: (p) => `Не удаётся прочитать ${p.file}: ${p.detail}`,
    hint: () => 'Проверьте путь или передайте - для чтения со стандартного ввода.',
  },
};

const UK: Record<ValidationCode, MessageEntry> = {
  'syntax/json': {
    message: (p) => `Файл не є коректним JSON: ${p.detail}`,
    hint: () => 'Перевірте коми, лапки та закривні дужки в цьому місці або трохи вище.',
  },
  'syntax/yaml': {
    message: (p) => `Файл не є коректним YAML: ${p.detail}`,
    hint: () =>
      'Перевірте відступи (пробіли, не табуляція); значення з «: » або зі спецсимволом на початку візьміть у лапки.',
  },
  'syntax/empty': {
    message: () => 'Вхідні дані порожні.',
    hint: () => 'Команда `stratdoc init` запише приклад сесії, з якого можна почати.',
  },
  'schema/required': {
    message: (p) => `Поле ${q(p.field)} обовʼязкове.`,
    hint: (p) => (p.about ? `Додайте його: ${p.about}` : 'Додайте це поле.'),
  },
  'schema/type': {
    message: (p) => `Очікується ${p.expected}, а вказано ${p.received}.`,
    hint: (p) => (p.about ? String(p.about) : 'Замініть значення на значення потрібного типу.'),
  },
  'schema/enum': {
    message: (p) => `Значення ${q(p.value)} тут неприпустиме; можливі: ${p.options}.`,
    hint: (p) => (p.suggestion ? `Можливо, малося на увазі ${q(p.suggestion)}?` : `Допустимі: ${p.options}.`),
  },
  'schema/unknown-key': {
    message: (p) => `Невідоме поле ${q(p.key)}.`,
    hint: (p) => (p.suggestion ? `Можливо, малося на увазі ${q(p.suggestion)}?` : `Тут допустимі поля: ${p.allowed}.`),
  },
  'schema/format': {
    message: (p) => `${q(p.value)} — не ${p.format}.`,
    hint: (p) => `Запишіть у вигляді ${p.example}.`,
  },
  'schema/too-small': {
    message: (p) =>
      p.what === 'string' ? 'Значення не може бути порожнім.' : `Значення має бути не менше ${p.minimum}.`,
    hint: (p) => (p.about ? String(p.about) : 'Збільште значення.'),
  },
  'schema/too-big': {
    message: (p) => `Значення має бути не більше ${p.maximum}.`,
    hint: (p) => (p.about ? String(p.about) : 'Зменште значення.'),
  },
  'schema/invalid': {
    message: (p) => String(p.detail),
    hint: (p) => (p.about ? String(p.about) : 'Звірте значення зі схемою (`stratdoc schema`).'),
  },
  'id/duplicate': {
    message: (p) => `Ідентифікатор ${q(p.id)} двічі трапляється в ${p.collection}.`,
    hint: (p) =>
      `Ідентифікатори мають бути унікальними; вперше його використано в ${p.first}. Перейменуйте один із них.`,
  },
  'ref/unknown': {
    message: (p) => `Немає обʼєкта «${p.kind}» з ідентифікатором ${q(p.id)}.`,
    hint: (p) =>
      p.suggestion
        ? `Можливо, малося на увазі ${q(p.suggestion)}?`
        : `Опишіть його в ${p.collection} або виправте ідентифікатор.`,
  },
  'cycle/depends-on': {
    message: (p) => `Ініціативи залежать одна від одної по колу: ${p.chain}.`,
    hint: () => 'Приберіть один із звʼязків dependsOn: ініціатива не може чекати сама на себе.',
  },
  'cycle/goal-parent': {
    message: (p) => `Цілі є батьківськими одна для одної по колу: ${p.chain}.`,
    hint: () => 'У дереві цілей немає петель; приберіть або змініть один зі звʼязків parent.',
  },
  'cycle/unit-parent': {
    message: (p) => `Підрозділи вкладені один в одного по колу: ${p.chain}.`,
    hint: () => 'Приберіть або змініть один зі звʼязків parent.',
  },
  'cycle/reports-to': {
    message: (p) => `Люди підпорядковані одне одному по колу: ${p.chain}.`,
    hint: () => 'Приберіть або змініть один зі звʼязків reportsTo.',
  },
  'cycle/supersedes': {
    message: (p) => `Рішення замінюють одне одного по колу: ${p.chain}.`,
    hint: () => 'Рішення може замінити лише раніше ухвалене; приберіть один зі звʼязків.',
  },
  'date/order': {
    message: (p) => `${p.later} (${p.laterValue}) раніше, ніж ${p.earlier} (${p.earlierValue}).`,
    hint: () => 'Поміняйте дати місцями або виправте хибну.',
  },
  'date/invalid': {
    message: (p) => `${q(p.value)} — дата, якої не існує.`,
    hint: () => 'Вкажіть наявну дату у вигляді РРРР-ММ-ДД.',
  },
  'timezone/unknown': {
    message: (p) => `${q(p.value)} — невідомий часовий пояс.`,
    hint: () => 'Вкажіть часовий пояс за базою IANA, наприклад Europe/Kyiv, Europe/Warsaw або UTC.',
  },
  'money/currency-missing': {
    message: () => 'Для суми не вказано валюту, і в сесії валюти немає.',
    hint: () => 'Задайте session.currency (наприклад, "UAH") або вкажіть валюту для цієї суми.',
  },
  'tows/cites-mismatch': {
    message: (p) => `Стратегія ${p.kind} має посилатися принаймні на один пункт «${p.missing}».`,
    hint: (p) => `Додайте до cites ідентифікатор пункту SWOT «${p.missing}» або змініть тип стратегії.`,
  },
  'input/read': {
    message: (p) => `Не вдається прочитати ${p.file}: ${p.detail}`,
    hint: () => 'Перевірте шлях або передайте - для читання зі стандартного введення.',
  },
};

const CATALOG: Record<Locale, Record<ValidationCode, MessageEntry>> = { en: EN, ru: RU, uk: UK };

/** The message and hint of a validation diagnostic, in the given language. */
export function describeIssue(
  code: ValidationCode,
  locale: Locale,
  params: Params = {},
): { message: string; hint?: string } {
  const entry = CATALOG[locale][code];
  const hint = entry.hint?.(params);
  return hint ? { message: entry.message(params), hint } : { message: entry.message(params) };
}

/** Words for value types and formats used in schema messages. */
export const TYPE_WORDS: Record<Locale, Record<string, string>> = {
  en: {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
    null: 'null',
    undefined: 'nothing',
    date: 'a date (YYYY-MM-DD)',
    month: 'a month (YYYY-MM)',
    time: 'a time (HH:MM)',
    id: 'a valid id',
    currency: 'a currency code',
    color: 'a colour',
    email: 'an e-mail address',
  },
  ru: {
    string: 'текст',
    number: 'число',
    int: 'целое число',
    boolean: 'true или false',
    array: 'список',
    object: 'объект',
    null: 'null',
    undefined: 'ничего',
    date: 'дата (ГГГГ-ММ-ДД)',
    month: 'месяц (ГГГГ-ММ)',
    time: 'время (ЧЧ:ММ)',
    id: 'допустимый идентификатор',
    currency: 'код валюты',
    color: 'цвет',
    email: 'адрес электронной почты',
  },
  uk: {
    string: 'текст',
    number: 'число',
    int: 'ціле число',
    boolean: 'true або false',
    array: 'список',
    object: 'обʼєкт',
    null: 'null',
    undefined: 'нічого',
    date: 'дата (РРРР-ММ-ДД)',
    month: 'місяць (РРРР-ММ)',
    time: 'час (ГГ:ХХ)',
    id: 'допустимий ідентифікатор',
    currency: 'код валюти',
    color: 'колір',
    email: 'адреса електронної пошти',
  },
};
