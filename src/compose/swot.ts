import { formatNumber } from '../format/index.js';
import type { SessionModel, SwotItem, SwotItemInput, TowsStrategy } from '../model/index.js';
import { anchor, type SessionView, sessionView } from './common.js';

/** A SWOT component. */
export type SwotComponent = SwotItemInput['component'];

/** The components in the order of the matrix: strengths, weaknesses over opportunities, threats. */
export const SWOT_ORDER: readonly SwotComponent[] = ['strengths', 'weaknesses', 'opportunities', 'threats'];

/**
 * The letter of a component in the printed ids. The four letters of SWOT are kept in every language: the
 * method and its TOWS kinds (SO, WT…) are known by them.
 */
export const SWOT_LETTERS: Readonly<Record<SwotComponent, 'S' | 'W' | 'O' | 'T'>> = {
  strengths: 'S',
  weaknesses: 'W',
  opportunities: 'O',
  threats: 'T',
};

/** How many items per component the city-wide summary shows, by votes. */
export const SWOT_TOP = 5;

/** One SWOT item as the brochure prints it. */
export interface SwotItemView {
  readonly id: string;
  /**
   * The printed id: the component's letter and the item's number among the city's items of that component,
   * sphere after sphere in the session's order — S1…S4 in the first sphere, S5… in the next. Unique in the
   * brochure, so a TOWS strategy can cite it.
   */
  readonly code: string;
  readonly component: SwotComponent;
  readonly title: string;
  readonly description: string | null;
  /** The group that produced it, as the session names it. */
  readonly group: string | null;
  readonly votes: number | null;
  readonly sphere: string;
  readonly sphereId: string;
}

/** One cell of a sphere's matrix: the items of one component. */
export interface SwotCellView {
  readonly component: SwotComponent;
  readonly letter: 'S' | 'W' | 'O' | 'T';
  readonly items: readonly SwotItemView[];
  /** The printed ids the cell runs over, "S1–S4"; null for an empty cell. */
  readonly range: string | null;
}

/**
 * One row of a matrix, two components side by side, as the template sets it: a header of the two cells, then a
 * line per item place — the first items of both side by side, then the second… — so a row too tall for a page
 * splits between items and its header repeats.
 */
export interface SwotMatrixRow {
  readonly cells: readonly [SwotCellView, SwotCellView];
  /** Each line has two entries, left and right; `empty` marks the first line of a cell with no items. */
  readonly lines: ReadonlyArray<ReadonlyArray<{ readonly item: SwotItemView | null; readonly empty: boolean }>>;
}

/** A sphere's page: its matrix as two rows of two cells. */
export interface SwotSphereView {
  readonly id: string;
  readonly anchor: string;
  readonly number: number;
  readonly name: string;
  readonly description: string | null;
  readonly count: number;
  /** The four cells in the order S, W, O, T. */
  readonly cells: readonly SwotCellView[];
  /** S | W, then O | T: the matrix's two rows. */
  readonly rows: readonly SwotMatrixRow[];
}

/** A TOWS strategy with its citations resolved to printed ids. */
export interface TowsStrategyView {
  readonly id: string;
  /** "SO1": its kind and its number within the kind. */
  readonly code: string;
  readonly kind: TowsStrategy['kind'];
  readonly title: string;
  readonly description: string | null;
  readonly cites: ReadonlyArray<{ readonly code: string; readonly title: string; readonly sphere: string }>;
  readonly goals: ReadonlyArray<{ readonly id: string; readonly title: string }>;
}

/** The view of the `swot` artifact: the brochure of a city's SWOT analysis (seed 001). */
export interface SwotView {
  readonly artifact: 'swot';
  readonly language: string;
  readonly session: SessionView;
  /** What "how this was made" says, from the session's own data. */
  readonly method: {
    /** Participants listed in the session; 0 when it lists none. */
    readonly participants: number;
    readonly spheres: number;
    /** The sphere names, joined for a sentence. */
    readonly sphereNames: string;
    /** Profile groups: one per sphere and component that produced items. */
    readonly profileGroups: number;
    readonly items: number;
    /** Votes cast over all items, formatted; null when no item has votes. */
    readonly votes: string | null;
  };
  readonly counts: { readonly items: number; readonly spheres: number; readonly strategies: number };
  readonly hasVotes: boolean;
  readonly hasGroups: boolean;
  /** Whether the brochure opens with a table of contents (it runs over about four pages). */
  readonly toc: boolean;
  readonly spheres: readonly SwotSphereView[];
  /** The city-wide summary. */
  readonly summary: {
    /** Per sphere, the printed ids of each component: an index of the sphere pages. */
    readonly index: ReadonlyArray<{
      readonly sphere: string;
      readonly anchor: string;
      readonly cells: ReadonlyArray<{
        readonly component: SwotComponent;
        readonly range: string | null;
        readonly count: number;
      }>;
    }>;
    /** The component totals, in the order S, W, O, T. */
    readonly totals: ReadonlyArray<{ readonly component: SwotComponent; readonly count: number }>;
    /** How many items the fullest cell of `top` holds: SWOT_TOP, fewer for a small analysis, 0 without votes. */
    readonly topCount: number;
    /** Per component, the items with most votes (up to SWOT_TOP); no rows when nothing was voted. */
    readonly top: readonly SwotMatrixRow[];
  };
  /** The TOWS strategies by kind (SO, ST, WO, WT), kinds without strategies left out. */
  readonly tows: ReadonlyArray<{
    readonly kind: TowsStrategy['kind'];
    readonly strategies: readonly TowsStrategyView[];
  }>;
}

const TOWS_KINDS: readonly TowsStrategy['kind'][] = ['SO', 'ST', 'WO', 'WT'];

/** The printed ids of a SWOT analysis, by item id: components numbered across the city, sphere by sphere. */
export function swotCodes(model: SessionModel): Map<string, string> {
  const codes = new Map<string, string>();
  const next: Record<SwotComponent, number> = { strengths: 0, weaknesses: 0, opportunities: 0, threats: 0 };
  for (const sphere of orderedSpheres(model))
    for (const component of SWOT_ORDER)
      for (const item of model.swot)
        if (item.sphere.id === sphere.id && item.component === component)
          codes.set(item.id, `${SWOT_LETTERS[component]}${++next[component]}`);
  return codes;
}

/** The spheres that have SWOT items, in the session's order (a sphere only an item names comes last). */
function orderedSpheres(model: SessionModel) {
  const spheres = model.spheres.filter((s) => model.swot.some((i) => i.sphere.id === s.id));
  for (const i of model.swot) if (!spheres.some((s) => s.id === i.sphere.id)) spheres.push(i.sphere);
  return spheres;
}

/** Composes the SWOT brochure from the model. */
export function composeSwot(model: SessionModel): SwotView {
  const language = model.session.locale;
  const codes = swotCodes(model);
  const itemView = (i: SwotItem): SwotItemView => ({
    id: i.id,
    code: codes.get(i.id) as string,
    component: i.component,
    title: i.title,
    description: i.description,
    group: i.group,
    votes: i.votes,
    sphere: i.sphere.name,
    sphereId: i.sphere.id,
  });
  const cell = (component: SwotComponent, items: readonly SwotItemView[]): SwotCellView => ({
    component,
    letter: SWOT_LETTERS[component],
    items,
    range: range(items.map((i) => i.code)),
  });
  const rowsOf = (cells: readonly SwotCellView[]): SwotMatrixRow[] =>
    [0, 2].map((at) => {
      const pair = [cells[at], cells[at + 1]] as [SwotCellView, SwotCellView];
      const height = Math.max(1, ...pair.map((c) => c.items.length));
      return {
        cells: pair,
        lines: Array.from({ length: height }, (_, n) =>
          pair.map((c) => ({ item: c.items[n] ?? null, empty: n === 0 && c.items.length === 0 })),
        ),
      };
    });

  const spheres: SwotSphereView[] = orderedSpheres(model).map((s, n) => {
    const cells = SWOT_ORDER.map((component) =>
      cell(component, model.swot.filter((i) => i.sphere.id === s.id && i.component === component).map(itemView)),
    );
    return {
      id: s.id,
      anchor: anchor('sphere', s.id),
      number: n + 1,
      name: s.name,
      description: s.description,
      count: cells.reduce((sum, c) => sum + c.items.length, 0),
      cells,
      rows: rowsOf(cells),
    };
  });
  const all = spheres.flatMap((s) => s.cells.flatMap((c) => c.items));
  const hasVotes = all.some((i) => i.votes !== null);
  const top = SWOT_ORDER.map((component) =>
    cell(
      component,
      hasVotes
        ? all
            .filter((i) => i.component === component && i.votes !== null)
            .sort((a, b) => (b.votes as number) - (a.votes as number))
            .slice(0, SWOT_TOP)
        : [],
    ),
  );
  const byId = new Map(all.map((i) => [i.id, i]));

  const strategies = TOWS_KINDS.map((kind) => ({
    kind,
    strategies: model.tows
      .filter((t) => t.kind === kind)
      .map(
        (t, n): TowsStrategyView => ({
          id: t.id,
          code: `${kind}${n + 1}`,
          kind,
          title: t.title,
          description: t.description,
          cites: t.cites.map((c) => {
            const item = byId.get(c.id) as SwotItemView;
            return { code: item.code, title: item.title, sphere: item.sphere };
          }),
          goals: t.goals.map((g) => ({ id: g.id, title: g.title })),
        }),
      ),
  })).filter((k) => k.strategies.length > 0);

  const votes = all.reduce((sum, i) => sum + (i.votes ?? 0), 0);
  const towsPages = Math.ceil(model.tows.length / 6);
  return {
    artifact: 'swot',
    language,
    session: sessionView(model),
    method: {
      participants: model.participants.length,
      spheres: spheres.length,
      sphereNames: spheres.map((s) => s.name).join(', '),
      profileGroups: spheres.reduce((sum, s) => sum + s.cells.filter((c) => c.items.length > 0).length, 0),
      items: all.length,
      votes: hasVotes ? formatNumber(votes, language) : null,
    },
    counts: { items: all.length, spheres: spheres.length, strategies: model.tows.length },
    hasVotes,
    hasGroups: all.some((i) => i.group !== null),
    // The cover, the method, a page per sphere, the summary and the strategies.
    toc: 2 + spheres.length + 1 + towsPages > 4,
    spheres,
    summary: {
      index: spheres.map((s) => ({
        sphere: s.name,
        anchor: s.anchor,
        cells: s.cells.map((c) => ({ component: c.component, range: c.range, count: c.items.length })),
      })),
      totals: SWOT_ORDER.map((component) => ({
        component,
        count: all.filter((i) => i.component === component).length,
      })),
      topCount: Math.max(...top.map((c) => c.items.length)),
      top: hasVotes ? rowsOf(top) : [],
    },
    tows: strategies,
  };
}

/** "S1–S4" for consecutive printed ids, "S1, S3" otherwise; null for none. */
function range(codes: readonly string[]): string | null {
  if (codes.length === 0) return null;
  if (codes.length === 1) return codes[0] as string;
  const numbers = codes.map((c) => Number(c.slice(1)));
  const consecutive = numbers.every((n, i) => i === 0 || n === (numbers[i - 1] as number) + 1);
  return consecutive ? `${codes[0]}–${codes[codes.length - 1]}` : codes.join(', ');
}
