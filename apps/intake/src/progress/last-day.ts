import { toOffsetIso } from '@petition/contracts';

/** The last day of a period as the petitioner reads it: a period due at 24:00 (00:00 next day) shows as that day. */
export function lastDay(due: string): string {
  return toOffsetIso(new Date(new Date(due).getTime() - 1)).slice(0, 10);
}
