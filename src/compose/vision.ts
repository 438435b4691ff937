import type { DirectionModel, SessionModel } from '../model/index.js';
import { anchor, type SessionView, sessionView } from './common.js';

/** How many directions one row of the overview matrix holds; a sphere with more takes further rows. */
export const VISION_COLUMNS = 4;

/** A direction of the vision as the brochure prints it. */
export interface DirectionView {
  readonly id: string;
  /**
   * "2.3": the sphere's number and the direction's place in it; the common directions "0.1", "0.2"… next to
   * spheres, "1", "2"… in a session whose directions name no sphere.
   */
  readonly code: string;
  readonly title: string;
  readonly description: string | null;
}

/** A sphere of the vision with its own directions. */
export interface VisionSphereView {
  readonly id: string;
  readonly anchor: string;
  readonly number: number;
  readonly name: string;
  readonly description: string | null;
  readonly directions: readonly DirectionView[];
}

/** The view of the `vision` artifact: the Vision brochure of an open session (seed 001, stage 4). */
export interface VisionView {
  readonly artifact: 'vision';
  readonly language: string;
  readonly session: SessionView;
  readonly title: string;
  readonly statement: string;
  readonly horizon: string | null;
  /**
   * Directions tied to no sphere: they concern the whole city (or, in a session without spheres, they are
   * all the directions), so the brochure prints them once, in a common part before the spheres.
   */
  readonly common: readonly DirectionView[];
  /** The spheres of the session in its order, each with its own directions (possibly none). */
  readonly spheres: readonly VisionSphereView[];
  readonly hasSpheres: boolean;
  /** The one-page overview: a row per sphere (and one for the common part), a column per direction. */
  readonly matrix: {
    readonly columns: number;
    /** Each direction column's share of the width, for the template's column hints: "20%". */
    readonly width: string;
    readonly rows: ReadonlyArray<{
      /** The row's heading: the sphere's name, or null for the common part and for a continuation row. */
      readonly sphere: string | null;
      readonly common: boolean;
      /** Exactly `columns` cells; null where the sphere has no more directions. */
      readonly cells: ReadonlyArray<DirectionView | null>;
    }>;
  };
  readonly counts: { readonly directions: number; readonly spheres: number; readonly common: number };
}

/** The share of the overview's width the sphere column takes, in percent. */
const SPHERE_SHARE = 20;

/** Composes the Vision brochure from the model. */
export function composeVision(model: SessionModel): VisionView {
  const vision = model.vision;
  const directions = vision?.directions ?? [];
  const view = (d: DirectionModel, prefix: number, n: number): DirectionView => ({
    id: d.id,
    code: `${prefix}.${n + 1}`,
    title: d.title,
    description: d.description,
  });
  const spheres: VisionSphereView[] = model.spheres.map((s, i) => ({
    id: s.id,
    anchor: anchor('sphere', s.id),
    number: i + 1,
    name: s.name,
    description: s.description,
    directions: directions.filter((d) => d.sphere?.id === s.id).map((d, n) => view(d, i + 1, n)),
  }));
  // A direction naming a sphere the session does not list (the defaults) still gets a place of its own.
  for (const d of directions)
    if (d.sphere && !spheres.some((s) => s.id === d.sphere?.id))
      spheres.push({
        id: d.sphere.id,
        anchor: anchor('sphere', d.sphere.id),
        number: spheres.length + 1,
        name: d.sphere.name,
        description: d.sphere.description,
        directions: directions
          .filter((x) => x.sphere?.id === d.sphere?.id)
          .map((x, n) => view(x, spheres.length + 1, n)),
      });
  const hasSpheres = spheres.some((s) => s.directions.length > 0);
  const common = directions
    .filter((d) => d.sphere === null)
    .map((d, n) => (hasSpheres ? view(d, 0, n) : { ...view(d, 0, n), code: `${n + 1}` }));
  const widest = Math.max(common.length, ...spheres.map((s) => s.directions.length), 1);
  const columns = Math.min(VISION_COLUMNS, widest);
  const rows: Array<VisionView['matrix']['rows'][number]> = [];
  const addRows = (name: string | null, isCommon: boolean, list: readonly DirectionView[]) => {
    for (let start = 0; start === 0 || start < list.length; start += columns)
      rows.push({
        sphere: start === 0 ? name : null,
        common: isCommon,
        cells: Array.from({ length: columns }, (_, i) => list[start + i] ?? null),
      });
  };
  if (common.length > 0) addRows(null, true, common);
  for (const s of spheres) addRows(s.name, false, s.directions);
  return {
    artifact: 'vision',
    language: model.session.locale,
    session: sessionView(model),
    title: vision?.title ?? model.session.title,
    statement: vision?.statement ?? '',
    horizon: vision?.horizon ?? null,
    common,
    spheres: hasSpheres ? spheres : [],
    hasSpheres,
    matrix: { columns, width: `${((100 - SPHERE_SHARE) / columns).toFixed(2)}%`, rows: hasSpheres ? rows : [] },
    counts: {
      directions: directions.length,
      spheres: hasSpheres ? spheres.length : 0,
      common: common.length,
    },
  };
}
