/**
 * The environment of a service whose controllable clock starts at `start` (an ISO instant with
 * its offset). Tests that need a particular date start the clock there rather than moving a
 * running clock to it: a move to a fixed past instant is refused once the real date passes it.
 */
export function clockStartingAt(start: string): { CLOCK: 'controllable'; CLOCK_START: string } {
  return { CLOCK: 'controllable', CLOCK_START: start };
}
