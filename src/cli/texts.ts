import { interpolate } from '../format/index.js';
import type { Locale } from '../schema/index.js';

/** Texts of the `groups` and `import` commands, by language; `{name}` is filled in. */
const TEXTS = {
  en: {
    title: 'Dynamic network: groups',
    summary: 'Participants: {participants} · spheres: {spheres} · seed: {seed}',
    again: 'The same seed gives the same groups: --seed {seed}',
    'step-profile': 'Profile groups',
    'step-cross': 'Cross groups',
    'step-agreement': 'Agreement groups',
    step: 'Step {n}. {title} ({count})',
    table: 'Table {n}',
    core: 'core member',
    spheres: 'Spheres',
    sphere: '{name}: {size} (core members: {core})',
    quality: 'Quality of the assignment',
    sizes: '{title}: {count}, sizes {min}–{max}',
    pairs: 'Pairs who meet: {met}; pairs who meet more than once: {repeated}',
    'core-per-group': 'Core members per profile group: {min}–{max}; profile groups without one: {without}',
    affiliations: 'Cross groups where two members share an affiliation: {count}',
    preferences: 'Placed outside their preferences: {count}',
    warnings: 'Warnings',
    'import-read': '{file}: {count} participant(s) read',
    'import-merged': '{file}: added {added}, updated {updated} participant(s)',
    'import-invalid': '{file} is left as it was: the session with these participants would not be valid.',
    'nothing-written': 'Nothing written.',
  },
  ru: {
    title: 'Динамическая сеть: группы',
    summary: 'Участников: {participants} · сфер: {spheres} · зерно: {seed}',
    again: 'То же зерно даёт те же группы: --seed {seed}',
    'step-profile': 'Профильные группы',
    'step-cross': 'Перекрёстные группы',
    'step-agreement': 'Согласительные группы',
    step: 'Шаг {n}. {title} ({count})',
    table: 'Стол {n}',
    core: 'член ядра',
    spheres: 'Сферы',
    sphere: '{name}: {size} (членов ядра: {core})',
    quality: 'Качество распределения',
    sizes: '{title}: {count}, размеры {min}–{max}',
    pairs: 'Пар, которые встречаются: {met}; пар, которые встречаются больше одного раза: {repeated}',
    'core-per-group': 'Членов ядра в профильной группе: {min}–{max}; профильных групп без члена ядра: {without}',
    affiliations: 'Перекрёстных групп, где двое из одной организации: {count}',
    preferences: 'Попали в сферу вне своих предпочтений: {count}',
    warnings: 'Предупреждения',
    'import-read': '{file}: прочитано участников: {count}',
    'import-merged': '{file}: участников добавлено: {added}, обновлено: {updated}',
    'import-invalid': '{file} не изменён: сессия с этими участниками была бы некорректной.',
    'nothing-written': 'Ничего не записано.',
  },
  uk: {
    title: 'Динамічна мережа: групи',
    summary: 'Учасників: {participants} · сфер: {spheres} · зерно: {seed}',
    again: 'Те саме зерно дає ті самі групи: --seed {seed}',
    'step-profile': 'Профільні групи',
    'step-cross': 'Перехресні групи',
    'step-agreement': 'Узгоджувальні групи',
    step: 'Крок {n}. {title} ({count})',
    table: 'Стіл {n}',
    core: 'член ядра',
    spheres: 'Сфери',
    sphere: '{name}: {size} (членів ядра: {core})',
    quality: 'Якість розподілу',
    sizes: '{title}: {count}, розміри {min}–{max}',
    pairs: 'Пар, що зустрічаються: {met}; пар, що зустрічаються більше одного разу: {repeated}',
    'core-per-group': 'Членів ядра в профільній групі: {min}–{max}; профільних груп без члена ядра: {without}',
    affiliations: 'Перехресних груп, де двоє з однієї організації: {count}',
    preferences: 'Потрапили до сфери поза своїми вподобаннями: {count}',
    warnings: 'Попередження',
    'import-read': '{file}: прочитано учасників: {count}',
    'import-merged': '{file}: учасників додано: {added}, оновлено: {updated}',
    'import-invalid': '{file} не змінено: сесія з цими учасниками була б некоректною.',
    'nothing-written': 'Нічого не записано.',
  },
} as const;

export type CliText = keyof (typeof TEXTS)['en'];

/** A text of the CLI in `locale`, with `{name}` filled in from `values`. */
export function cliText(locale: Locale, key: CliText, values: Readonly<Record<string, string | number>> = {}): string {
  const text: string = TEXTS[locale][key] ?? TEXTS.en[key];
  return interpolate(text, values);
}
