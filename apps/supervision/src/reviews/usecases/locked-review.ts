import type { EntityManager } from 'typeorm';
import type { MatterEntity } from '../../matters/entities/matter.entity';
import type { MattersRepository } from '../../matters/matters.repository';
import type { ReviewEntity } from '../entities/review.entity';
import { ReviewNotFoundError } from '../reviews.errors';
import type { ReviewsRepository } from '../reviews.repository';

/**
 * Runs `work` on a review with its matter locked first (always matter, then review: the order
 * every writer of a matter uses, so two supervisors or a late event never deadlock).
 */
export async function withLockedReview<T>(
  reviews: ReviewsRepository,
  matters: MattersRepository,
  id: string,
  now: Date,
  work: (m: EntityManager, matter: MatterEntity, review: ReviewEntity) => Promise<T>,
): Promise<T> {
  const petitionId = await reviews.petitionOf(id);
  if (!petitionId) throw new ReviewNotFoundError(id);
  return matters.transaction(async (m) => {
    const matter = await matters.ensureLocked(m, petitionId, null, now);
    const review = (await reviews.lock(m, id)) as ReviewEntity;
    return work(m, matter, review);
  });
}
