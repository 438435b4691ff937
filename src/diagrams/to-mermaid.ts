import type { DiagramSpec, DiagramTheme, MatrixSpec, RoadmapSpec, StrategyMapSpec } from './spec.js';

/**
 * Makes any text literal inside a quoted mermaid label. Measured in Chromium with `htmlLabels: false`: every
 * character shows as written — brackets, `;`, `-->`, `#`, `<b>`, words like `click` or `style` — except the
 * quote that would end the label, and paired `*`/`_` that mermaid reads as emphasis; mermaid's own entity codes
 * come out double-escaped there. So the quote becomes a typographic one (”) and emphasis markers are kept
 * apart from the word by a zero-width joiner; nothing else changes.
 */
export function escapeLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/"/g, '”')
    .replace(/([*_])(?=\S)/g, '$1\u2060');
}

/**
 * Text for unquoted positions (gantt tasks and sections, chart titles and axes), where `:`, `;` and `#` are
 * syntax: they become the look-alike ∶ ; ＃, and line breaks spaces.
 */
export function escapeBare(text: string): string {
  return escapeLabel(text).replace(/:/g, '∶').replace(/;/g, '\u037e').replace(/#/g, '＃').replace(/-->/g, '–>');
}

// Long labels are wrapped by mermaid itself (flowchart.wrappingWidth): a `<br/>` in a label would switch mermaid
// to a path that escapes `>` twice.
const label = (text: string) => escapeLabel(text);

/** The mermaid configuration every diagram shares: strict security, SVG text labels, the theme's font. */
export function mermaidConfig(theme: DiagramTheme): Record<string, unknown> {
  return {
    securityLevel: 'strict',
    htmlLabels: false,
    flowchart: { htmlLabels: false, curve: 'basis', nodeSpacing: 30, rankSpacing: 45, wrappingWidth: 180 },
    gantt: { leftPadding: 170, barHeight: 18, barGap: 6, fontSize: 12, sectionFontSize: 12 },
    markdownAutoWrap: true,
    theme: 'base',
    themeVariables: {
      fontFamily: theme.fontFamily,
      fontSize: '14px',
      primaryColor: '#FFFFFF',
      primaryTextColor: theme.colors.text,
      primaryBorderColor: theme.colors.primary,
      lineColor: theme.colors.muted,
      // Roadmap bars: light fills, status in the outline, so the labels on them stay readable.
      taskBkgColor: '#E8EEF5',
      taskBorderColor: theme.colors.primary,
      taskTextColor: theme.colors.text,
      taskTextOutsideColor: theme.colors.text,
      doneTaskBkgColor: '#E7F3E8',
      doneTaskBorderColor: theme.colors.green,
      critBkgColor: '#FBE4E4',
      critBorderColor: theme.colors.red,
      sectionBkgColor: '#FFFFFF',
      altSectionBkgColor: '#F6F7F9',
      sectionBkgColor2: '#FFFFFF',
      // Quadrant chart: the "do first" quadrant tinted, points in the primary colour (mermaid's own point
      // colours are derived from the base theme and come out undefined).
      quadrant1Fill: '#EEF4FA',
      quadrant2Fill: '#FFFFFF',
      quadrant3Fill: '#F6F7F9',
      quadrant4Fill: '#FFFFFF',
      quadrant1TextFill: theme.colors.text,
      quadrant2TextFill: theme.colors.text,
      quadrant3TextFill: theme.colors.text,
      quadrant4TextFill: theme.colors.text,
      quadrantPointFill: theme.colors.primary,
      quadrantPointTextFill: theme.colors.text,
      quadrantXAxisTextFill: theme.colors.text,
      quadrantYAxisTextFill: theme.colors.text,
      quadrantTitleFill: theme.colors.text,
      quadrantInternalBorderStrokeFill: theme.colors.muted,
      quadrantExternalBorderStrokeFill: theme.colors.primary,
    },
    deterministicIds: true,
    deterministicIDSeed: 'stratdoc',
  };
}

/** Mermaid source of a diagram spec. Node ids are generated, never taken from user text. */
export function toMermaid(spec: DiagramSpec, theme: DiagramTheme): string {
  switch (spec.type) {
    case 'strategy-map':
      return strategyMap(spec, theme);
    case 'roadmap':
      return roadmap(spec);
    case 'matrix':
      return matrix(spec);
  }
}

function strategyMap(spec: StrategyMapSpec, theme: DiagramTheme): string {
  const ids = new Map(spec.nodes.map((n, i) => [n.id, `n${i + 1}`]));
  const lines = [`flowchart ${spec.direction ?? 'BT'}`];
  const shape = (kind: string, text: string) =>
    kind === 'vision'
      ? `(["${text}"])`
      : kind === 'priority'
        ? `{{"${text}"}}`
        : kind === 'goal'
          ? `["${text}"]`
          : kind === 'unit'
            ? `[["${text}"]]`
            : `("${text}")`;
  for (const n of spec.nodes) lines.push(`  ${ids.get(n.id)}${shape(n.kind, label(n.label))}:::${n.kind}_${n.status}`);
  for (const e of spec.edges) {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (!from || !to) continue;
    lines.push(`  ${from} ${e.kind === 'depends' ? '-.->' : e.kind === 'causes' ? '==>' : '-->'} ${to}`);
  }
  const c = theme.colors;
  // Only the classes in use: a diagram's source stays short enough to read.
  const used = new Set(spec.nodes.map((n) => `${n.kind}_${n.status}`));
  for (const kind of ['vision', 'priority', 'goal', 'initiative', 'unit']) {
    for (const status of ['green', 'amber', 'red', 'grey'] as const) {
      if (!used.has(`${kind}_${status}`)) continue;
      const fill =
        kind === 'vision' ? c.primary : kind === 'priority' ? '#EEF4FA' : kind === 'unit' ? '#FFF6E5' : '#FFFFFF';
      const text = kind === 'vision' ? '#FFFFFF' : c.text;
      const stroke = kind === 'vision' ? c.primary : status === 'grey' ? c.muted : c[status];
      lines.push(
        `  classDef ${kind}_${status} fill:${fill},stroke:${stroke},stroke-width:${status === 'grey' ? 1 : 2.5}px,color:${text}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function roadmap(spec: RoadmapSpec): string {
  // No "today" line: it would change the drawing every day, and the documents take their date from the session.
  const lines = [
    'gantt',
    '  dateFormat YYYY-MM-DD',
    '  axisFormat %m.%y',
    '  tickInterval 1month',
    '  todayMarker off',
  ];
  if (spec.title) lines.push(`  title ${escapeBare(spec.title)}`);
  const ids = new Map<string, string>();
  let n = 0;
  for (const s of spec.sections) for (const t of s.tasks) ids.set(t.id, `t${++n}`);
  for (const s of spec.sections) {
    // Section names are drawn in the left margin and do not wrap: long ones are shortened.
    const title = s.title.length > 24 ? `${shorten(s.title, 23)}…` : s.title;
    lines.push(`  section ${escapeBare(title)}`);
    for (const t of s.tasks) {
      const tags = [
        t.milestone ? 'milestone' : '',
        t.status === 'red' ? 'crit' : t.status === 'green' ? 'done' : '',
      ].filter(Boolean);
      const after = t.after.map((a) => ids.get(a)).filter(Boolean);
      const when =
        after.length > 0 && !t.milestone
          ? `after ${after.join(' ')}, ${t.end}`
          : t.milestone
            ? `${t.end}, 0d`
            : `${t.start}, ${t.end}`;
      // A label longer than its bar is drawn beside it, to the left near the chart's end: a long one would
      // run over the section names and off the drawing, so it is shortened at a word boundary.
      const label = t.label.length > 36 ? `${shorten(t.label, 35)}…` : t.label;
      lines.push(`    ${escapeBare(label)} :${[...tags, ids.get(t.id)].join(', ')}, ${when}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The longest run of whole words within `max` characters (or the first `max` characters of one long word). */
function shorten(text: string, max: number): string {
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : cut.slice(0, max)).replace(/[\s,.;:–—-]+$/, '');
}

function matrix(spec: MatrixSpec): string {
  const clamp = (v: number) => Math.min(0.97, Math.max(0.03, v));
  // Quoted texts: the quadrant lexer takes only ASCII words unquoted.
  const q = (text: string) => `"${escapeLabel(text)}"`;
  const lines = [
    // No title inside the chart: the document's heading names it (and the title line would show quotes).
    'quadrantChart',
    `  x-axis ${q(spec.xAxis[0])} --> ${q(spec.xAxis[1])}`,
    `  y-axis ${q(spec.yAxis[0])} --> ${q(spec.yAxis[1])}`,
    `  quadrant-1 ${q(spec.quadrants[0])}`,
    `  quadrant-2 ${q(spec.quadrants[1])}`,
    `  quadrant-3 ${q(spec.quadrants[2])}`,
    `  quadrant-4 ${q(spec.quadrants[3])}`,
  ];
  for (const p of spec.points) lines.push(`  ${q(p.label)}: [${clamp(p.x).toFixed(3)}, ${clamp(p.y).toFixed(3)}]`);
  return `${lines.join('\n')}\n`;
}
