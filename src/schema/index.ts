import { z } from 'zod';
import { SessionSchema } from './session-schema.js';

export * from './primitives.js';
export * from './session-schema.js';

/** The session file as written by hand: optional fields may be missing. */
export type SessionFileInput = z.input<typeof SessionSchema>;
/** The session after schema validation: defaults applied. */
export type SessionInput = z.output<typeof SessionSchema>;
export type SessionInfo = SessionInput['session'];
export type Vision = NonNullable<SessionInput['vision']>;
export type SphereInput = SessionInput['spheres'][number];
export type UnitInput = SessionInput['units'][number];
export type PersonInput = SessionInput['people'][number];
export type GoalInput = SessionInput['goals'][number];
export type PriorityInput = SessionInput['priorities'][number];
export type DecisionInput = SessionInput['decisions'][number];
export type InitiativeInput = SessionInput['initiatives'][number];
export type ResourceInput = SessionInput['resources'][number];
export type ControlPointInput = SessionInput['controlPoints'][number];
export type MeasurementInput = ControlPointInput['measurements'][number];
export type CountermeasureInput = ControlPointInput['countermeasures'][number];
export type ActionInput = SessionInput['actions'][number];
export type RiskInput = SessionInput['risks'][number];
export type ParkingItemInput = SessionInput['parkingLot'][number];
export type SwotItemInput = SessionInput['swot'][number];
export type TowsStrategyInput = SessionInput['tows'][number];
export type ParticipantInput = SessionInput['participants'][number];
export type AgendaBlockInput = SessionInput['agenda'][number];
export type PosterOptions = NonNullable<SessionInput['poster']>;
export type FollowUpOptions = NonNullable<SessionInput['followUp']>;
export type ThemeOptions = NonNullable<SessionInput['theme']>;
export type MoneyInput = NonNullable<ResourceInput['cost']>;
export type Locale = SessionInfo['locale'];

/** The JSON Schema (draft 2020-12) of the session file, for editors and other validators. */
export function sessionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(SessionSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://unpkg.com/stratdoc/dist/session.schema.json',
    title: 'stratdoc session',
    ...schema,
  };
}

export { checkSchema, describeField, type SchemaIssue } from './check-schema.js';
export { DEFAULT_SPHERE_IDS, DEFAULT_SPHERE_NAMES } from './default-spheres.js';
