import { Inject, Injectable } from '@nestjs/common';
import type { FieldReason } from '@petition/service-kit';
import { HANDLING_SETTINGS, type HandlingSettings } from '../config/handling-settings';
import { IntakeRefusedError, IntakeUnavailableError } from './intake.errors';

/** A file intake served: its bytes and how to present them. */
export interface IntakeFile {
  data: Buffer;
  contentType: string;
  /** The `Content-Disposition` intake sent (the file's name). */
  disposition: string | null;
}

/**
 * Handling's internal HTTP calls to intake, made on behalf of the caller: its bearer token is
 * forwarded, so intake checks and logs the real person and unit. Intake's refusals are passed on
 * with their status and code; intake down, slow or failing is `INTAKE_UNAVAILABLE` (502).
 */
@Injectable()
export class IntakeClient {
  constructor(@Inject(HANDLING_SETTINGS) private readonly settings: HandlingSettings) {}

  /** A JSON answer of intake at `path` (with its query string). */
  async getJson<T>(path: string, authorization: string): Promise<T> {
    const res = await this.fetch(path, authorization, 'application/json');
    const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    if (res.ok && body) return body as T;
    return this.refused(res, body);
  }

  /** A file intake serves at `path`. */
  async getFile(path: string, authorization: string): Promise<IntakeFile> {
    const res = await this.fetch(path, authorization, '*/*');
    if (res.ok) {
      return {
        data: Buffer.from(await res.arrayBuffer()),
        contentType: res.headers.get('content-type') ?? 'application/octet-stream',
        disposition: res.headers.get('content-disposition'),
      };
    }
    return this.refused(res, (await res.json().catch(() => null)) as Record<string, unknown> | null);
  }

  private async fetch(path: string, authorization: string, accept: string): Promise<Response> {
    try {
      return await fetch(`${this.settings.intakeUrl}${path}`, {
        headers: { authorization, accept },
        signal: AbortSignal.timeout(this.settings.intakeTimeoutMs),
      });
    } catch (err) {
      throw new IntakeUnavailableError(err instanceof Error && err.name === 'TimeoutError' ? 'timed out' : 'unreachable');
    }
  }

  private refused(res: Response, body: Record<string, unknown> | null): never {
    if (res.status >= 400 && res.status < 500) {
      const details = Array.isArray(body?.details) ? (body.details as FieldReason[]) : [];
      throw new IntakeRefusedError(
        res.status,
        typeof body?.code === 'string' ? body.code : '',
        typeof body?.message === 'string' ? body.message : '',
        details,
      );
    }
    throw new IntakeUnavailableError(`intake answered ${res.status}`);
  }
}
