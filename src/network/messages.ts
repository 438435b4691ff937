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
  | 'step-agreement';

/** A network diagnostic's message and hint in the given language, with `{name}` filled in. */
export function networkMessage(
  locale: Locale,
  code: NetworkMessageCode,
  values: Readonly<Record<string, string | number>>,
): { message: string; hint?: string } {
  const text = (TABLES[locale] ?? EN)[code] ?? (EN[code] as Text);
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
  return text.hint ? { message: fill(text.message), hint: fill(text.hint) } : { message: fill(text.message) };
}
