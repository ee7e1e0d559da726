import { daysFromCivil } from '../time/civil-date.util';

/**
 * Years the calendar tables cover. The lower bound predates every petition the platform can
 * hold; the upper bound is where chinese-days' lunar data (1900-2100) still gives complete
 * lunar years for the provisional calendar. Outside it computations fail loudly instead of
 * guessing.
 */
export const CALENDAR_FIRST_YEAR = 2000;

/** Last year of the calendar tables (inclusive). */
export const CALENDAR_LAST_YEAR = 2099;

/** Day number of the first table day (2000-01-01). */
export const CALENDAR_FIRST_DAY = daysFromCivil(CALENDAR_FIRST_YEAR, 1, 1);

/** Day number of the last table day (2099-12-31). */
export const CALENDAR_LAST_DAY = daysFromCivil(CALENDAR_LAST_YEAR, 12, 31);

/**
 * Days at the end of the last official year that stay provisional until next year's notice is
 * loaded: New Year bridges have moved late-December days (2007-12-29..31, 2011-12-31,
 * 2018-12-29..31 were all set by the following year's notice).
 */
export const YEAR_END_PENDING_DAYS = 7;
