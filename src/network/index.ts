export {
  type AssignOptions,
  assignGroups,
  NETWORK_STEPS,
  type NetworkAssignment,
  type NetworkGroup,
  type NetworkParticipant,
  type NetworkQuality,
  type NetworkSlot,
  type NetworkSphere,
  type NetworkStep,
  type NetworkStepId,
  type Placement,
} from './assign.js';
export {
  type NetworkMode,
  networkParticipants,
  networkSpheres,
  SWOT_COMPONENTS,
  SWOT_NAMES,
  sessionSeed,
  swotSlots,
} from './from-session.js';
export { seededRandom, seedOf } from './random.js';
export {
  CSV_COLUMNS,
  type CsvColumn,
  type CsvParticipant,
  type CsvSphere,
  guessLocale,
  type ParsedParticipants,
  type ParseParticipantsOptions,
  parseParticipantsCsv,
} from './csv.js';
