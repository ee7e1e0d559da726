import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Channel, PetitionStatus } from '@petition/contracts';
import { PetitionerLookupEntity } from './entities/petitioner-lookup.entity';

/** How the person was recognised: one keyed hash, or the name's hash within a region. */
export type IdentityKey = { by: 'id_number' | 'phone'; hash: string } | { by: 'name_region'; hash: string; regionCode: string };

/** An earlier petition, as the window's history shows it. */
export interface HistoryRow {
  id: string;
  trackingNo: string;
  title: string;
  channel: Channel;
  categoryCode: string;
  regionCode: string;
  status: PetitionStatus;
  triageOutcome: string | null;
  replyOutcome: string | null;
  relatedTrackingNo: string | null;
  nameMasked: string;
  reviewRequestDue: Date | null;
  reexamRequestDue: Date | null;
  registeredAt: Date;
}

/** Reads a person's petitions by keyed hash, and keeps the audit log of every such read. */
@Injectable()
export class PetitionerHistoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first, at most `limit`. The region matches the division given and everything under it. */
  async find(key: IdentityKey, limit: number): Promise<HistoryRow[]> {
    const where =
      key.by === 'id_number'
        ? 'p.petitioner_id_hash = $1'
        : key.by === 'phone'
          ? 'p.petitioner_phone_hash = $1'
          : "p.petitioner_name_hash = $1 AND p.region_code LIKE $3 || '%'";
    const params: unknown[] = [key.hash, limit];
    if (key.by === 'name_region') params.push(key.regionCode);
    return this.dataSource.query(
      `SELECT p.id, p.tracking_no AS "trackingNo", p.title, p.channel, p.category_code AS "categoryCode", p.region_code AS "regionCode",
              p.status, p.triage_outcome AS "triageOutcome", p.petitioner_name_masked AS "nameMasked",
              p.review_request_due AS "reviewRequestDue", p.reexam_request_due AS "reexamRequestDue", p.registered_at AS "registeredAt",
              r.tracking_no AS "relatedTrackingNo",
              (SELECT l.outcome FROM decision_letters l WHERE l.petition_id = p.id AND l.delivered_at IS NOT NULL
                ORDER BY l.round DESC LIMIT 1) AS "replyOutcome"
         FROM petitions p LEFT JOIN petitions r ON r.id = p.related_petition_id
        WHERE ${where}
        ORDER BY p.registered_at DESC, p.id DESC
        LIMIT $2`,
      params,
    );
  }

  /** Written before the answer leaves the service: an unlogged lookup cannot happen. */
  async record(entry: Omit<PetitionerLookupEntity, 'id'>): Promise<void> {
    await this.dataSource.getRepository(PetitionerLookupEntity).insert({ id: randomUUID(), ...entry });
  }

  /** The audit log, newest first, keyset-paginated on (at, id). */
  log(
    limit: number,
    after: { at: string; id: string } | null,
    filter: { actor?: string; from?: Date; to?: Date },
  ): Promise<PetitionerLookupEntity[]> {
    const qb = this.dataSource
      .getRepository(PetitionerLookupEntity)
      .createQueryBuilder('l')
      .orderBy('l.at', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .limit(limit)
      .where('true');
    if (after) qb.andWhere('(l.at, l.id) < (:at, :id)', after);
    if (filter.actor) qb.andWhere('l.actor = :actor', { actor: filter.actor });
    if (filter.from) qb.andWhere('l.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('l.at < :to', { to: filter.to });
    return qb.getMany();
  }
}
