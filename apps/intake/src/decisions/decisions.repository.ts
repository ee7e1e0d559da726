import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import { AppealDecisionEntity } from './entities/appeal-decision.entity';
import { DecisionLetterEntity } from './entities/decision-letter.entity';
import { PetitionExtensionEntity } from './entities/petition-extension.entity';

/** What the petitioner is told was decided: letters, extensions, appeal decisions. Writes join the caller's transaction. */
@Injectable()
export class DecisionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A replayed reply changes nothing (keyed by reply id). */
  async recordLetter(manager: EntityManager, letter: Omit<DecisionLetterEntity, 'deliveredAt'>): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(DecisionLetterEntity)
      .values({ ...letter, deliveredAt: null })
      .orIgnore()
      .execute();
  }

  async markDelivered(manager: EntityManager, replyId: string, at: Date): Promise<void> {
    await manager.update(DecisionLetterEntity, { replyId, deliveredAt: IsNull() }, { deliveredAt: at });
  }

  async recordExtensionRequest(
    manager: EntityManager,
    e: Pick<PetitionExtensionEntity, 'requestId' | 'petitionId' | 'days' | 'reason' | 'requestedAt'>,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(PetitionExtensionEntity)
      .values({ ...e, decidedAt: null, approved: null, newDue: null })
      .orIgnore()
      .execute();
  }

  /** The decision on a request; null when the request never reached intake (another deployment's data). */
  async decideExtension(
    manager: EntityManager,
    requestId: string,
    decision: Pick<PetitionExtensionEntity, 'decidedAt' | 'approved' | 'newDue'>,
  ): Promise<PetitionExtensionEntity | null> {
    const row = await manager.findOneBy(PetitionExtensionEntity, { requestId });
    if (!row) return null;
    await manager.update(PetitionExtensionEntity, { requestId }, decision);
    return { ...row, ...decision };
  }

  async recordAppealDecision(manager: EntityManager, d: AppealDecisionEntity): Promise<void> {
    await manager.createQueryBuilder().insert().into(AppealDecisionEntity).values(d).orIgnore().execute();
  }

  /** The latest delivered letter of a petition, or null before any delivery. */
  deliveredLetter(petitionId: string): Promise<DecisionLetterEntity | null> {
    return this.dataSource
      .getRepository(DecisionLetterEntity)
      .findOne({ where: { petitionId, deliveredAt: Not(IsNull()) }, order: { round: 'DESC' } });
  }

  approvedExtensions(petitionId: string): Promise<PetitionExtensionEntity[]> {
    return this.dataSource
      .getRepository(PetitionExtensionEntity)
      .find({ where: { petitionId, approved: true }, order: { decidedAt: 'ASC' } });
  }

  appealDecisions(petitionId: string): Promise<AppealDecisionEntity[]> {
    return this.dataSource.getRepository(AppealDecisionEntity).find({ where: { petitionId }, order: { decidedAt: 'ASC' } });
  }
}
