/** Stable codes for everything the deadlines library refuses; services map them to 4xx responses. */
export enum DeadlinesErrorCode {
  /** An instant or civil date could not be parsed, or has no UTC offset. */
  InvalidInstant = 'DEADLINES_INVALID_INSTANT',
  /** A computation needs a day outside the calendar's supported range. */
  CalendarRange = 'DEADLINES_CALENDAR_RANGE',
  /** The calendar override file (or official data) is malformed. */
  InvalidCalendarData = 'DEADLINES_INVALID_CALENDAR_DATA',
  /** A rule set failed validation; `details` lists every problem found. */
  InvalidRuleSet = 'DEADLINES_INVALID_RULE_SET',
  /** A stage id is not part of the rule set. */
  UnknownStage = 'DEADLINES_UNKNOWN_STAGE',
  /** `urgent` was asked for a stage that has no urgent variant. */
  NoUrgentVariant = 'DEADLINES_NO_URGENT_VARIANT',
  /** A pause was refused (stage not pausable, overlaps, after the deadline, ...). */
  InvalidPause = 'DEADLINES_INVALID_PAUSE',
  /** An extension was refused (not extendable, late, too long, second one, ...). */
  InvalidExtension = 'DEADLINES_INVALID_EXTENSION',
  /** Completion was refused (before the start, already completed). */
  InvalidCompletion = 'DEADLINES_INVALID_COMPLETION',
  /** A stored deadline record is malformed. */
  InvalidRecord = 'DEADLINES_INVALID_RECORD',
  /** A file could not be read. */
  FileUnreadable = 'DEADLINES_FILE_UNREADABLE',
}

/**
 * The one error class of the library. `code` is stable (switch on it), `message` is readable
 * and names the offending stage, article, date or field, `details` lists all problems when a
 * validation finds several.
 */
export class DeadlinesError extends Error {
  /** Stable machine-readable code. */
  readonly code: DeadlinesErrorCode;
  /** Every individual problem, for validations that collect more than one. */
  readonly details: readonly string[];

  constructor(code: DeadlinesErrorCode, message: string, details: readonly string[] = []) {
    super(message);
    this.name = 'DeadlinesError';
    this.code = code;
    this.details = details;
  }
}
