import type { DiagramSpec, DiagramTheme, MatrixSpec, RoadmapSpec, StrategyMapSpec } from './spec.js';

/** Characters a mermaid label may hold as they are: letters, digits, spaces and harmless punctuation. */
const PLAIN = /[\p{L}\p{N} .,'’«»„“”!?()\-–—/%€₽₴$+]/u;

/**
 * Makes any text literal inside a quoted mermaid label: every other character becomes a numeric entity
 * (`#35;` for `#`), so quotes, brackets, `;`, `-->` and words like `click` or `style` stay text, never syntax.
 */
export function escapeLabel(text: string): string {
  let out = '';
  for (const ch of text.replace(/\s+/g, ' ').trim()) out += PLAIN.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  return out;
}

/** Wraps a label at word boundaries to about `width` characters per line (mermaid `<br>` line breaks). */
export function wrapLabel(text: string, width = 26): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

const label = (text: string, width?: number) => wrapLabel(text, width).map(escapeLabel).join('<br/>');

/** The mermaid configuration every diagram shares: strict security, SVG text labels, the theme's font. */
export function mermaidConfig(theme: DiagramTheme): Record<string, unknown> {
  return {
    securityLevel: 'strict',
    htmlLabels: false,
    flowchart: { htmlLabels: false, curve: 'basis', nodeSpacing: 30, rankSpacing: 45 },
    theme: 'base',
    themeVariables: {
      fontFamily: theme.fontFamily,
      fontSize: '14px',
      primaryColor: '#FFFFFF',
      primaryTextColor: theme.colors.text,
      primaryBorderColor: theme.colors.primary,
      lineColor: theme.colors.muted,
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
  const lines = ['flowchart BT'];
  const shape = (kind: string, text: string) =>
    kind === 'vision'
      ? `(["${text}"])`
      : kind === 'priority'
        ? `{{"${text}"}}`
        : kind === 'goal'
          ? `["${text}"]`
          : `("${text}")`;
  for (const n of spec.nodes) lines.push(`  ${ids.get(n.id)}${shape(n.kind, label(n.label))}:::${n.kind}_${n.status}`);
  for (const e of spec.edges) {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (!from || !to) continue;
    lines.push(`  ${from} ${e.kind === 'depends' ? '-.->' : e.kind === 'causes' ? '==>' : '-->'} ${to}`);
  }
  const c = theme.colors;
  for (const kind of ['vision', 'priority', 'goal', 'initiative']) {
    for (const status of ['green', 'amber', 'red', 'grey'] as const) {
      const fill = kind === 'vision' ? c.primary : kind === 'priority' ? '#EEF4FA' : '#FFFFFF';
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
  const lines = ['gantt', '  dateFormat YYYY-MM-DD', '  axisFormat %m.%y', '  tickInterval 1month'];
  if (spec.title) lines.push(`  title ${escapeLabel(spec.title)}`);
  const ids = new Map<string, string>();
  let n = 0;
  for (const s of spec.sections) for (const t of s.tasks) ids.set(t.id, `t${++n}`);
  for (const s of spec.sections) {
    lines.push(`  section ${escapeLabel(s.title)}`);
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
      lines.push(`    ${escapeLabel(t.label)} :${[...tags, ids.get(t.id)].join(', ')}, ${when}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function matrix(spec: MatrixSpec): string {
  const clamp = (v: number) => Math.min(0.97, Math.max(0.03, v));
  const lines = [
    'quadrantChart',
    `  title ${escapeLabel(spec.title)}`,
    `  x-axis ${escapeLabel(spec.xAxis[0])} --> ${escapeLabel(spec.xAxis[1])}`,
    `  y-axis ${escapeLabel(spec.yAxis[0])} --> ${escapeLabel(spec.yAxis[1])}`,
    `  quadrant-1 ${escapeLabel(spec.quadrants[0])}`,
    `  quadrant-2 ${escapeLabel(spec.quadrants[1])}`,
    `  quadrant-3 ${escapeLabel(spec.quadrants[2])}`,
    `  quadrant-4 ${escapeLabel(spec.quadrants[3])}`,
  ];
  for (const p of spec.points)
    lines.push(`  ${escapeLabel(p.label)}: [${clamp(p.x).toFixed(2)}, ${clamp(p.y).toFixed(2)}]`);
  return `${lines.join('\n')}\n`;
}
