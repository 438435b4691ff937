import { interpolate } from '../format/index.js';
import type { Locale } from '../schema/index.js';

type Text = { readonly message: string; readonly hint?: string };
type Table = Readonly<Record<string, Text>>;

const EN: Table = {
  'no-spheres': {
    message: 'There are no spheres, or a sphere has nothing for its profile groups to work on.',
    hint: 'List the spheres under `spheres` (or leave it empty for the default four).',
  },
  'too-few-participants': {
    message: '{count} participants cannot fill the {needed} profile groups (one per sphere and component).',
    hint: 'A dynamic network needs at least one participant per profile group, and works with 3–9 in each.',
  },
  'sphere-too-small': {
    message: 'The sphere "{sphere}" has {count} participants for {needed} profile groups.',
    hint: 'Move participants to it, or leave their `sphere` empty so stratdoc balances the spheres.',
  },
  'spheres-uneven': {
    message: 'The spheres are uneven because of the spheres given in the input: {sizes}.',
    hint: 'Leave `sphere` empty for some participants (their preferences still count) to even them out.',
  },
  'core-short': {
    message: 'The sphere "{sphere}" has {core} core members for {needed} profile groups: some groups have none.',
    hint: 'Each profile group works best with a core member to anchor it: at least {needed} per sphere.',
  },
  'groups-small': {
    message: '{count} group(s) of the {step} step have fewer than 3 members (sizes {sizes}).',
    hint: 'The method works with groups of 5–9: more participants, or fewer spheres.',
  },
  'groups-large': {
    message: '{count} group(s) of the {step} step have more than 9 members (sizes {sizes}).',
    hint: 'The method works with groups of 5–9: split the session into more spheres.',
  },
  'step-profile': { message: 'profile groups' },
  'step-cross': { message: 'cross groups' },
  'step-agreement': { message: 'agreement groups' },
  'csv-empty': {
    message: 'The file has no header row.',
    hint: 'The first line names the columns: {known} (in any order, any case).',
  },
  'csv-syntax': {
    message: 'The file is not valid CSV here: {detail}',
    hint: 'A field with a comma, semicolon, quote or line break is written in double quotes, a quote inside it doubled.',
  },
  'csv-unknown-column': {
    message: 'Unknown column "{column}".',
    hint: 'The known columns are {known} (in any order, any case); rename or delete the others.',
  },
  'csv-duplicate-column': {
    message: 'The column "{column}" appears twice.',
    hint: 'Keep one column of each kind.',
  },
  'csv-no-name': {
    message: 'There is no "name" column.',
    hint: 'Every participant needs a name: add a "name" column. The known columns are {known}.',
  },
  'csv-name-empty': {
    message: 'The name is empty.',
    hint: 'Every participant needs a name; delete the row if it is not a participant.',
  },
  'csv-core': {
    message: '"{value}" is neither yes nor no.',
    hint: 'Write yes/no, true/false, 1/0, y/n, +/-, так/ні, да/нет or x, or leave it empty (no).',
  },
  'csv-sphere': {
    message: 'There is no sphere "{value}".',
    hint: 'Name a sphere by its id or name: {known}.',
  },
  'csv-id': {
    message: '"{value}" is not a valid id.',
    hint: 'An id is letters, digits, ".", "_" or "-", starting with a letter or digit.',
  },
  'csv-duplicate-id': {
    message: 'The id "{value}" is already used on line {line}.',
    hint: 'Give every participant a different id, or leave the id empty to have one made.',
  },
  'csv-duplicate-name': {
    message: 'The name "{value}" is already on line {line}.',
    hint: 'A name updates the participant of that name in the session: give the rows different ids to keep both.',
  },
  'csv-email': {
    message: '"{value}" is not an e-mail address.',
    hint: 'Write it as name@example.org, or leave it empty.',
  },
  'csv-extra-fields': {
    message: 'The row has {count} fields, the header {columns}.',
    hint: 'A field that contains the delimiter is written in double quotes.',
  },
  'csv-more-errors': {
    message: '{count} more error(s) not shown.',
    hint: 'Fix the errors above and run again.',
  },
};

const RU: Table = {
  'no-spheres': {
    message: 'Нет сфер, или у сферы нет тем для профильных групп.',
    hint: 'Перечислите сферы в `spheres` (или оставьте пустым для четырёх сфер по умолчанию).',
  },
  'too-few-participants': {
    message: '{count} участников не хватит на {needed} профильных групп (по одной на сферу и составляющую).',
    hint: 'Динамической сети нужен хотя бы один участник на профильную группу, а работает она с 3–9 в каждой.',
  },
  'sphere-too-small': {
    message: 'В сфере «{sphere}» {count} участников на {needed} профильных групп.',
    hint: 'Переведите в неё участников или оставьте их `sphere` пустым, чтобы stratdoc выровнял сферы.',
  },
  'spheres-uneven': {
    message: 'Сферы неравны из-за сфер, заданных во входных данных: {sizes}.',
    hint: 'Оставьте `sphere` пустым у части участников (их предпочтения учитываются), чтобы выровнять сферы.',
  },
  'core-short': {
    message: 'В сфере «{sphere}» {core} членов ядра на {needed} профильных групп: в некоторых группах их нет.',
    hint: 'Профильной группе нужен член ядра как опора: не меньше {needed} на сферу.',
  },
  'groups-small': {
    message: 'На шаге «{step}» {count} групп(ы) меньше 3 человек (размеры {sizes}).',
    hint: 'Метод рассчитан на группы по 5–9 человек: больше участников или меньше сфер.',
  },
  'groups-large': {
    message: 'На шаге «{step}» {count} групп(ы) больше 9 человек (размеры {sizes}).',
    hint: 'Метод рассчитан на группы по 5–9 человек: разделите сессию на большее число сфер.',
  },
  'step-profile': { message: 'профильные группы' },
  'step-cross': { message: 'перекрёстные группы' },
  'step-agreement': { message: 'согласительные группы' },
  'csv-empty': {
    message: 'В файле нет строки заголовков.',
    hint: 'Первая строка называет столбцы: {known} (в любом порядке и регистре).',
  },
  'csv-syntax': {
    message: 'Здесь файл не соответствует формату CSV: {detail}',
    hint: 'Поле с запятой, точкой с запятой, кавычкой или переводом строки берётся в двойные кавычки, кавычка внутри удваивается.',
  },
  'csv-unknown-column': {
    message: 'Неизвестный столбец «{column}».',
    hint: 'Известные столбцы: {known} (в любом порядке и регистре); переименуйте или удалите остальные.',
  },
  'csv-duplicate-column': {
    message: 'Столбец «{column}» встречается дважды.',
    hint: 'Оставьте по одному столбцу каждого вида.',
  },
  'csv-no-name': {
    message: 'Нет столбца «name».',
    hint: 'У каждого участника должно быть имя: добавьте столбец «name». Известные столбцы: {known}.',
  },
  'csv-name-empty': {
    message: 'Имя не заполнено.',
    hint: 'У каждого участника должно быть имя; удалите строку, если это не участник.',
  },
  'csv-core': {
    message: '«{value}» — ни да, ни нет.',
    hint: 'Напишите да/нет, yes/no, true/false, 1/0, y/n, +/-, так/ні или x, либо оставьте пустым (нет).',
  },
  'csv-sphere': {
    message: 'Нет сферы «{value}».',
    hint: 'Назовите сферу по id или названию: {known}.',
  },
  'csv-id': {
    message: '«{value}» — недопустимый id.',
    hint: 'Id состоит из букв, цифр, «.», «_» и «-» и начинается с буквы или цифры.',
  },
  'csv-duplicate-id': {
    message: 'Id «{value}» уже использован в строке {line}.',
    hint: 'Дайте каждому участнику свой id или оставьте поле пустым, чтобы id был создан.',
  },
  'csv-duplicate-name': {
    message: 'Имя «{value}» уже есть в строке {line}.',
    hint: 'Имя обновляет участника с тем же именем в сессии: дайте строкам разные id, чтобы сохранить обе.',
  },
  'csv-email': {
    message: '«{value}» — не адрес электронной почты.',
    hint: 'Напишите его как name@example.org или оставьте пустым.',
  },
  'csv-extra-fields': {
    message: 'В строке {count} полей, в заголовке {columns}.',
    hint: 'Поле, содержащее разделитель, берётся в двойные кавычки.',
  },
  'csv-more-errors': {
    message: 'Ещё ошибок не показано: {count}.',
    hint: 'Исправьте ошибки выше и запустите снова.',
  },
};

const UK: Table = {
  'no-spheres': {
    message: 'Немає сфер, або сфера не має тем для профільних груп.',
    hint: 'Перелічіть сфери в `spheres` (або залиште порожнім для чотирьох типових сфер).',
  },
  'too-few-participants': {
    message: '{count} учасників не вистачить на {needed} профільних груп (по одній на сферу й складову).',
    hint: 'Динамічній мережі потрібен хоча б один учасник на профільну групу, а працює вона з 3–9 у кожній.',
  },
  'sphere-too-small': {
    message: 'У сфері «{sphere}» {count} учасників на {needed} профільних груп.',
    hint: 'Переведіть до неї учасників або залиште їхнє `sphere` порожнім, щоб stratdoc вирівняв сфери.',
  },
  'spheres-uneven': {
    message: 'Сфери нерівні через сфери, задані у вхідних даних: {sizes}.',
    hint: 'Залиште `sphere` порожнім у частини учасників (їхні вподобання враховуються), щоб вирівняти сфери.',
  },
  'core-short': {
    message: 'У сфері «{sphere}» {core} членів ядра на {needed} профільних груп: у деяких групах їх немає.',
    hint: 'Профільній групі потрібен член ядра як опора: щонайменше {needed} на сферу.',
  },
  'groups-small': {
    message: 'На кроці «{step}» {count} груп(и) менші за 3 особи (розміри {sizes}).',
    hint: 'Метод розрахований на групи по 5–9 осіб: більше учасників або менше сфер.',
  },
  'groups-large': {
    message: 'На кроці «{step}» {count} груп(и) більші за 9 осіб (розміри {sizes}).',
    hint: 'Метод розрахований на групи по 5–9 осіб: поділіть сесію на більше сфер.',
  },
  'step-profile': { message: 'профільні групи' },
  'step-cross': { message: 'перехресні групи' },
  'step-agreement': { message: 'узгоджувальні групи' },
  'csv-empty': {
    message: 'У файлі немає рядка заголовків.',
    hint: 'Перший рядок називає стовпці: {known} (у будь-якому порядку й регістрі).',
  },
  'csv-syntax': {
    message: 'Тут файл не відповідає формату CSV: {detail}',
    hint: 'Поле з комою, крапкою з комою, лапкою чи переведенням рядка береться в подвійні лапки, лапка всередині подвоюється.',
  },
  'csv-unknown-column': {
    message: 'Невідомий стовпець «{column}».',
    hint: 'Відомі стовпці: {known} (у будь-якому порядку й регістрі); перейменуйте або видаліть решту.',
  },
  'csv-duplicate-column': {
    message: 'Стовпець «{column}» трапляється двічі.',
    hint: 'Залиште по одному стовпцю кожного виду.',
  },
  'csv-no-name': {
    message: 'Немає стовпця «name».',
    hint: 'Кожен учасник має мати імʼя: додайте стовпець «name». Відомі стовпці: {known}.',
  },
  'csv-name-empty': {
    message: 'Імʼя не заповнене.',
    hint: 'Кожен учасник має мати імʼя; видаліть рядок, якщо це не учасник.',
  },
  'csv-core': {
    message: '«{value}» — ні так, ні ні.',
    hint: 'Напишіть так/ні, yes/no, true/false, 1/0, y/n, +/-, да/нет або x, чи залиште порожнім (ні).',
  },
  'csv-sphere': {
    message: 'Немає сфери «{value}».',
    hint: 'Назвіть сферу за id або назвою: {known}.',
  },
  'csv-id': {
    message: '«{value}» — неприпустимий id.',
    hint: 'Id складається з літер, цифр, «.», «_» і «-» та починається з літери чи цифри.',
  },
  'csv-duplicate-id': {
    message: 'Id «{value}» уже використано в рядку {line}.',
    hint: 'Дайте кожному учасникові свій id або залиште поле порожнім, щоб id створився.',
  },
  'csv-duplicate-name': {
    message: 'Імʼя «{value}» уже є в рядку {line}.',
    hint: 'Імʼя оновлює учасника з тим самим імʼям у сесії: дайте рядкам різні id, щоб зберегти обидва.',
  },
  'csv-email': {
    message: '«{value}» — не адреса електронної пошти.',
    hint: 'Напишіть її як name@example.org або залиште порожнім.',
  },
  'csv-extra-fields': {
    message: 'У рядку {count} полів, у заголовку {columns}.',
    hint: 'Поле, що містить роздільник, береться в подвійні лапки.',
  },
  'csv-more-errors': {
    message: 'Ще не показано помилок: {count}.',
    hint: 'Виправте помилки вище й запустіть знову.',
  },
};

const TABLES: Readonly<Record<Locale, Table>> = { en: EN, ru: RU, uk: UK };

export type NetworkMessageCode =
  | 'no-spheres'
  | 'too-few-participants'
  | 'sphere-too-small'
  | 'spheres-uneven'
  | 'core-short'
  | 'groups-small'
  | 'groups-large'
  | 'step-profile'
  | 'step-cross'
  | 'step-agreement'
  | 'csv-empty'
  | 'csv-syntax'
  | 'csv-unknown-column'
  | 'csv-duplicate-column'
  | 'csv-no-name'
  | 'csv-name-empty'
  | 'csv-core'
  | 'csv-sphere'
  | 'csv-id'
  | 'csv-duplicate-id'
  | 'csv-duplicate-name'
  | 'csv-email'
  | 'csv-extra-fields'
  | 'csv-more-errors';

/** A network diagnostic's message and hint in the given language, with `{name}` filled in. */
export function networkMessage(
  locale: Locale,
  code: NetworkMessageCode,
  values: Readonly<Record<string, string | number>>,
): { message: string; hint?: string } {
  const text = (TABLES[locale] ?? EN)[code] ?? (EN[code] as Text);
  const fill = (s: string) => interpolate(s, values);
  return text.hint ? { message: fill(text.message), hint: fill(text.hint) } : { message: fill(text.message) };
}
