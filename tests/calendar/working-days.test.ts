import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  isWorkingDay,
  nextMonth,
  nextWorkingDay,
  weekdayOf,
  weekdayOfMonth,
  weekdayOnOrAfter,
  workingDayOnOrAfter,
  workingDaysAfter,
} from '../../src/index.js';

// The Russian New Year holidays of 2027 as a session lists them: eight days off in a row, a weekend inside.
const RU_NEW_YEAR = ['2026-12-31', '2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08'];

describe('working days', () => {
  it('skips weekends', () => {
    expect(nextWorkingDay('2026-09-18')).toBe('2026-09-21'); // Friday → Monday
    expect(nextWorkingDay('2026-09-19')).toBe('2026-09-21'); // Saturday → Monday
    expect(nextWorkingDay('2026-09-20')).toBe('2026-09-21'); // Sunday → Monday
    expect(nextWorkingDay('2026-09-21')).toBe('2026-09-22'); // Monday → Tuesday
    expect(isWorkingDay('2026-09-19')).toBe(false);
    expect(isWorkingDay('2026-09-21')).toBe(true);
  });

  it('skips holidays, and runs of them', () => {
    expect(nextWorkingDay('2026-11-03', ['2026-11-04'])).toBe('2026-11-05');
    expect(nextWorkingDay('2026-12-30', RU_NEW_YEAR)).toBe('2027-01-11');
    expect(workingDaysAfter('2026-12-29', 3, RU_NEW_YEAR)).toEqual(['2026-12-30', '2027-01-11', '2027-01-12']);
    expect(isWorkingDay('2027-01-05', RU_NEW_YEAR)).toBe(false);
    // A set works as well as a list.
    expect(nextWorkingDay('2026-12-30', new Set(RU_NEW_YEAR))).toBe('2027-01-11');
  });

  it('crosses the year boundary', () => {
    expect(nextWorkingDay('2026-12-31')).toBe('2027-01-01');
    expect(nextWorkingDay('2026-12-31', ['2027-01-01'])).toBe('2027-01-04');
    expect(addWorkingDays('2026-12-28', 5)).toBe('2027-01-04');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('is not moved by a holiday that falls on a weekend', () => {
    // 7 November 2026 is a Saturday: listing it changes nothing.
    expect(weekdayOf('2026-11-07')).toBe(6);
    expect(workingDaysAfter('2026-11-05', 3, ['2026-11-07'])).toEqual(workingDaysAfter('2026-11-05', 3, []));
    expect(workingDaysAfter('2026-11-05', 3, [])).toEqual(['2026-11-06', '2026-11-09', '2026-11-10']);
  });

  it('counts n working days, the 0-th being the day itself', () => {
    expect(addWorkingDays('2026-09-21', 0)).toBe('2026-09-21');
    expect(addWorkingDays('2026-09-21', 5, ['2026-09-24'])).toBe('2026-09-29');
    expect(workingDayOnOrAfter('2026-09-19')).toBe('2026-09-21');
    expect(workingDayOnOrAfter('2026-09-22')).toBe('2026-09-22');
    expect(workingDayOnOrAfter('2027-01-01', RU_NEW_YEAR)).toBe('2027-01-11');
  });

  it('finds weekdays of a month', () => {
    expect(weekdayOnOrAfter('2026-09-22', 1)).toBe('2026-09-28');
    expect(weekdayOnOrAfter('2026-09-28', 1)).toBe('2026-09-28');
    expect(weekdayOfMonth('2026-10', 5, -1)).toBe('2026-10-30'); // last Friday
    expect(weekdayOfMonth('2026-10', 6, -1)).toBe('2026-10-31'); // last Saturday, the month's last day
    expect(weekdayOfMonth('2026-11', 4, 1)).toBe('2026-11-05'); // first Thursday
    expect(weekdayOfMonth('2026-12', 2, 2)).toBe('2026-12-08'); // second Tuesday
    expect(weekdayOfMonth('2027-02', 0, 4)).toBe('2027-02-28'); // fourth Sunday
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2027-01')).toBe('2027-02');
  });
});
