import type { EntityManager } from 'typeorm';
import type { MatterEntity } from '../../matters/entities/matter.entity';
import type { MattersRepository } from '../../matters/matters.repository';
import { AppealNotFoundError, AppealNotOpenError } from '../appeals.errors';
import type { AppealsRepository } from '../appeals.repository';
import type { AppealEntity } from '../entities/appeal.entity';

/** Runs `work` on a filed (undecided) appeal with its matter locked first, the order every matter writer uses. */
export async function withOpenAppeal<T>(
  appeals: AppealsRepository,
  matters: MattersRepository,
  id: string,
  now: Date,
  work: (m: EntityManager, matter: MatterEntity, appeal: AppealEntity) => Promise<T>,
): Promise<T> {
  const petitionId = await appeals.petitionOf(id);
  if (!petitionId) throw new AppealNotFoundError(id);
  return matters.transaction(async (m) => {
    const matter = await matters.ensureLocked(m, petitionId, null, now);
    const appeal = (await appeals.lock(m, id)) as AppealEntity;
    if (appeal.status !== 'filed') throw new AppealNotOpenError(appeal.status);
    return work(m, matter, appeal);
  });
}
