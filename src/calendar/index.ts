export {
  addDays,
  addWorkingDays,
  type Holidays,
  isWorkingDay,
  nextMonth,
  nextWorkingDay,
  weekdayOf,
  weekdayOfMonth,
  weekdayOnOrAfter,
  workingDayOnOrAfter,
  workingDaysAfter,
} from './working-days.js';
export { isKnownTimeZone, localToUtc, type OffsetChange, offsetChanges, zoneOffsetMinutes } from './time-zone.js';
export {
  escapeText,
  foldLine,
  type IcsAttendee,
  type IcsCalendar,
  type IcsEvent,
  type IcsRepeat,
  type IcsWhen,
  stableHash,
  timeZoneLines,
  utcStamp,
  writeIcs,
} from './ics.js';
