import type { PetitionStatus } from '@petition/contracts';

/** Order of the states intake tracks; an older event never moves a petition back. */
export const RANK: Record<PetitionStatus, number> = {
  registered: 0,
  dispatched: 1,
  assigned: 2,
  accepted: 3,
  replied: 4,
  approved: 5,
  closed: 6,
  ended: 7,
  concluded: 8,
};
