import { type Catalog, formatLabel } from '../render/catalog.js';
import type { DiffView } from './view.js';

/**
 * The diff as plain text for a terminal: a heading, then one block per kind of change with one line per
 * change, in the report's words (the labels of the same catalog).
 */
export function diffText(view: DiffView, catalog: Catalog): string {
  const language = view.language;
  const t = (key: string, params: Record<string, unknown> = {}) => {
    const label = catalog.get(key);
    return label === undefined ? key : formatLabel(label, language, params);
  };
  const heading = view.sameDate
    ? t('diff.headingOne', { to: view.to })
    : t('diff.heading', { from: view.from, to: view.to });
  const out: string[] = [heading, `${view.session.organisation} · ${view.session.title}`];
  if (view.oldSession)
    out.push(
      '',
      `! ${t('diff.different', { old: view.oldSession.title, oldOrganisation: view.oldSession.organisation })}`,
    );
  if (!view.changed) {
    out.push('', `${t('diff.nothingTitle')}. ${t('diff.nothing', { from: view.from, to: view.to })}`);
    return `${out.join('\n')}\n`;
  }
  // The summary first: how many of each kind, and what they are made of.
  out.push('', t('diff.summary'));
  for (const part of view.summary) {
    const details = [
      ...part.details.map((d) => `${t(`diff.detail.${d.key}`)} — ${d.count}`),
      ...(part.maxLater === null ? [] : [t('diff.maxLater', { count: part.maxLater })]),
    ];
    out.push(`  ${t(`diff.part.${part.key}`)}: ${part.count}${details.length > 0 ? ` (${details.join(', ')})` : ''}`);
  }
  const block = (key: string, count: number, lines: string[]) => {
    if (lines.length > 0) out.push('', `${t(`diff.part.${key}`)} (${count})`, ...lines.map((l) => `  ${l}`));
  };
  const arrow = (from: string, to: string) => `${from} → ${to}`;

  block(
    'decisions',
    view.decisions.length,
    view.decisions.map((d) => {
      const note = [
        d.supersedes ? t('diff.supersedes', { title: d.supersedes }) : '',
        d.supersededBy ? t('diff.supersededBy', { title: d.supersededBy }) : '',
      ].filter(Boolean);
      const status =
        d.change === 'added'
          ? `${t('diff.new')}, ${t(`decisions.status.${d.to}`)}`
          : d.change === 'removed'
            ? t('diff.gone')
            : arrow(t(`decisions.status.${d.from}`), t(`decisions.status.${d.to}`));
      return `${d.change === 'added' ? '+' : d.change === 'removed' ? '-' : '~'} ${d.title}: ${status}${note.length > 0 ? ` (${note.join('; ')})` : ''}`;
    }),
  );
  block('statuses', view.counts.statuses, [
    ...view.initiativeStatuses.map(
      (s) => `${s.title}: ${arrow(t(`diff.initiativeStatus.${s.from}`), t(`diff.initiativeStatus.${s.to}`))}`,
    ),
    ...view.controlStatuses.map((s) => {
      const r = s.rule;
      const rule = t(`control.rule.${r.key}`, { ...r });
      return `${s.title}: ${arrow(t(`control.status.${s.from.status}`), t(`control.status.${s.to.status}`))} — ${rule}`;
    }),
  ]);
  block(
    'dates',
    view.dates.length,
    view.dates.map((d) => {
      const shift =
        d.days === null
          ? t(d.to ? 'diff.dateSet' : 'diff.dateCleared')
          : t(d.later ? 'diff.later' : 'diff.earlier', { count: d.days });
      const what = `${t(`diff.kind.${d.kind}`)}, ${t(`diff.field.${d.field}`)}`;
      return `${d.title} (${what}): ${arrow(d.from ?? '—', d.to ?? '—')}, ${shift}`;
    }),
  );
  block(
    view.measurementsPart,
    view.measurements.length,
    view.measurements.flatMap((m) => [
      `${m.title}${m.unit ? `, ${m.unit}` : ''}${m.target ? ` (${t('diff.vsTarget', { value: m.target })})` : ''}:`,
      ...m.rows.map((r) => {
        const actual = m.milestone ? t(`diff.milestone.${r.actual}`) : r.actual;
        const extra = [r.plan ? t('diff.vsPlan', { value: r.plan }) : '', r.was ? t('diff.was', { was: r.was }) : ''];
        const note = extra.filter(Boolean).join(', ');
        const status = r.status
          ? ` — ${t(`control.status.${r.status}`)}`
          : r.removed
            ? ` — ${t('diff.detail.removedValues')}`
            : '';
        return `  ${r.date}  ${actual}${note ? ` (${note})` : ''}${status}`;
      }),
      ...m.comments.map((c) => `  ${c.date}: ${c.text}`),
    ]),
  );
  block(
    'owners',
    view.owners.length,
    view.owners.map(
      (o) => `${o.title} (${t(`diff.kind.${o.kind}`)}): ${arrow(o.from ?? t('diff.nobody'), o.to ?? t('diff.nobody'))}`,
    ),
  );
  block(
    'countermeasures',
    view.countermeasures.length,
    view.countermeasures.map((c) => {
      const change =
        c.change === 'status'
          ? arrow(t(`control.cmStatus.${c.from}`), t(`control.cmStatus.${c.to}`))
          : t(`diff.cmChange.${c.change}`);
      const who = [c.owner, c.due].filter(Boolean).join(', ');
      return `${change}: ${c.title} [${c.controlPoint}]${who ? ` — ${who}` : ''}`;
    }),
  );
  block(
    'added',
    view.added.length,
    view.added.map((a) => `+ ${a.title} (${t(`diff.kind.${a.kind}`)})`),
  );
  block(
    'removed',
    view.removed.length,
    view.removed.map((a) => `- ${a.title} (${t(`diff.kind.${a.kind}`)})`),
  );
  return `${out.join('\n')}\n`;
}
