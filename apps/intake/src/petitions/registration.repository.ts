import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { currentTraceHeaders, type OutboxRecord } from '@petition/messaging';
import { pgPool } from '../database/pg-pool';
import type { RepeatCandidate } from '../repeats/repeat-policy';
import { PetitionEntity } from './entities/petition.entity';

/** What a registration reads before it decides: the repeat candidates and the identities' versions. */
export interface RegistrationSnapshot {
  candidates: RepeatCandidate[];
  /** Version per identity hash (0 = never seen). */
  heads: Map<string, number>;
}

/** The HTTP answer to store with the petition under the request's Idempotency-Key (see IdempotentRequest). */
export interface StoredResponse {
  scope: string;
  key: string;
  /** Claim the key here (it is not claimed yet) rather than fill in the row the interceptor claimed. */
  claim: boolean;
  requestHash: string;
  statusCode: number;
  body: unknown;
}

/** A timeline step written with the petition. */
export interface FirstStep {
  id: string;
  kind: string;
  publicNote: string | null;
  at: Date;
}

/**
 * The registration's own storage path, two round trips in all: one statement reads the repeat
 * candidates and the petitioner's identity versions; one statement (atomic on its own, so no
 * BEGIN/COMMIT) bumps those versions, inserts the petition, its first timeline steps and its
 * outbox events and, when asked, the HTTP answer under the request's Idempotency-Key — or inserts
 * nothing when another registration of the same identity committed in between, and the caller
 * decides again.
 */
@Injectable()
export class RegistrationRepository {
  private readonly pool: Pool;
  private readonly insertSql: string;
  private readonly columns: Array<{ property: string; json: boolean }>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.pool = pgPool(dataSource);
    const meta = dataSource.getMetadata(PetitionEntity);
    const cols = meta.columns.filter((c) => c.isInsert);
    this.columns = cols.map((c) => ({ property: c.propertyName, json: c.type === 'jsonb' }));
    const names = cols.map((c) => `"${c.databaseName}"`).join(', ');
    // Parameters: $1 hashes, $2 versions, $3 hash count, $4.. petition columns, then timeline and outbox arrays.
    const values = cols.map((c, i) => `$${i + 4}::${String(c.type)}${c.isArray ? '[]' : ''}`).join(', ');
    const n = cols.length + 4;
    this.insertSql = `
      WITH head AS (
        INSERT INTO petitioner_heads (hash, version) SELECT h, v FROM unnest($1::text[], $2::bigint[]) AS x(h, v)
        ON CONFLICT (hash) DO UPDATE SET version = EXCLUDED.version WHERE petitioner_heads.version = EXCLUDED.version - 1
        RETURNING 1
      ), ok AS (
        SELECT (SELECT count(*) FROM head) = $3 AS heads_ok
      ), k AS (
        INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response)
        SELECT $${n + 12}, $${n + 13}, $${n + 15}, $${n + 10}, $${n + 11}::jsonb FROM ok WHERE heads_ok AND $${n + 14} = 'claim'
        ON CONFLICT DO NOTHING RETURNING 1
      ), p AS (
        INSERT INTO petitions (${names}) SELECT ${values} FROM ok WHERE heads_ok AND ($${n + 14} <> 'claim' OR EXISTS (SELECT 1 FROM k)) RETURNING id
      ), t AS (
        INSERT INTO petition_timeline (id, petition_id, kind, public_note, at)
        SELECT x.id, p.id, x.kind, x.note, x.at FROM p, unnest($${n}::uuid[], $${n + 1}::text[], $${n + 2}::text[], $${n + 3}::timestamptz[]) WITH ORDINALITY AS x(id, kind, note, at, ord)
        ORDER BY x.ord
      ), o AS (
        INSERT INTO outbox (event_id, topic, message_key, event_type, envelope, headers)
        SELECT x.event_id, x.topic, x.message_key, x.event_type, x.envelope, $${n + 9}::jsonb
        FROM p, unnest($${n + 4}::uuid[], $${n + 5}::text[], $${n + 6}::text[], $${n + 7}::text[], $${n + 8}::jsonb[]) WITH ORDINALITY AS x(event_id, topic, message_key, event_type, envelope, ord)
        ORDER BY x.ord
      ), i AS (
        UPDATE idempotency_keys SET status_code = $${n + 10}, response = $${n + 11}::jsonb
        WHERE $${n + 14} = 'update' AND scope = $${n + 12} AND key = $${n + 13} AND EXISTS (SELECT 1 FROM p)
      )
      SELECT (SELECT count(*) FROM p)::int AS inserted, (SELECT heads_ok FROM ok) AS heads_ok`;
  }

  /** Repeat candidates (earlier originals of the same identity, category and district) and the identities' versions, in one snapshot. */
  async snapshot(match: {
    hashes: string[];
    idHash: string | null;
    phoneHash: string | null;
    categoryCode: string;
    district: string;
  }): Promise<RegistrationSnapshot> {
    const { rows } = await this.pool.query<{
      heads: Record<string, string>;
      candidates: RepeatCandidate[];
    }>(
      // verified: entered by the bureau's staff or the 12345 hotline, never typed into the portal (RepeatCandidate.verified).
      `SELECT
         (SELECT coalesce(jsonb_object_agg(hash, version), '{}'::jsonb) FROM petitioner_heads WHERE hash = ANY($1::text[])) AS heads,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'trackingNo', c.tracking_no, 'status', c.status, 'terms', c.terms,
                                                       'verified', c.source <> 'online')), '[]'::jsonb)
            FROM (SELECT id, tracking_no, status, terms, source FROM petitions
                   WHERE (petitioner_id_hash = $2 OR petitioner_phone_hash = $3) AND category_code = $4 AND left(region_code, 6) = $5
                     AND related_petition_id IS NULL
                   ORDER BY registered_at DESC LIMIT 50) c) AS candidates`,
      [match.hashes, match.idHash ?? '-', match.phoneHash ?? '-', match.categoryCode, match.district],
    );
    const heads = new Map<string, number>(Object.entries(rows[0].heads).map(([h, v]) => [h, Number(v)]));
    return { candidates: rows[0].candidates, heads };
  }

  /**
   * Writes the petition, its first steps and its events if every identity is still at the version
   * the snapshot saw; false (nothing written) when another registration got in first.
   */
  async insert(
    petition: PetitionEntity,
    heads: Map<string, number>,
    steps: FirstStep[],
    events: OutboxRecord[],
    response: StoredResponse | null = null,
  ): Promise<'inserted' | 'raced' | 'key_taken'> {
    const hashes = [...heads.keys()].sort();
    const params: unknown[] = [hashes, hashes.map((h) => (heads.get(h) ?? 0) + 1), hashes.length];
    for (const c of this.columns) {
      const v = (petition as unknown as Record<string, unknown>)[c.property];
      params.push(c.json && v !== null && v !== undefined ? JSON.stringify(v) : v);
    }
    params.push(
      steps.map((s) => s.id),
      steps.map((s) => s.kind),
      steps.map((s) => s.publicNote),
      steps.map((s) => s.at),
    );
    params.push(
      events.map((e) => e.envelope.eventId),
      events.map((e) => e.topic),
      events.map((e) => e.key),
      events.map((e) => e.envelope.type),
      events.map((e) => JSON.stringify(e.envelope)),
      JSON.stringify(currentTraceHeaders()),
    );
    const mode = !response ? 'none' : response.claim ? 'claim' : 'update';
    params.push(
      response?.statusCode ?? null,
      response ? JSON.stringify(response.body ?? null) : null,
      response?.scope ?? null,
      response?.key ?? null,
      mode,
      response?.requestHash ?? null,
    );
    const { rows } = await this.pool.query<{ inserted: number; heads_ok: boolean }>(this.insertSql, params);
    if (rows[0].inserted === 1) return 'inserted';
    // The versions held but the key did not go in: a request with the same key got there first.
    return rows[0].heads_ok && mode === 'claim' ? 'key_taken' : 'raced';
  }
}
