import type { BoxTone, ThemeColor } from './types.js';

/**
 * How each box tone looks in every format: a light background and the colour of its bar (a theme colour name
 * or `#RRGGBB`, or null for none).
 */
export const BOX_TONES: Readonly<
  Record<BoxTone, { readonly fill: string; readonly bar: ThemeColor | `#${string}` | null }>
> = {
  neutral: { fill: '#F4F5F7', bar: 'muted' },
  info: { fill: '#EEF6FC', bar: '#3B82C4' },
  decision: { fill: '#EEF4FA', bar: 'primary' },
  success: { fill: '#EEF7EF', bar: 'green' },
  warning: { fill: '#FFF8E6', bar: 'amber' },
  danger: { fill: '#FDEEEE', bar: 'red' },
};
