import { Inject, Injectable } from '@nestjs/common';
import type { FieldReason } from '@petition/service-kit';
import { HANDLING_SETTINGS, type HandlingSettings } from '../config/handling-settings';
import type { PetitionerContactView } from './dto/petitioner-contact.dto';
import { IntakeRefusedError, IntakeUnavailableError } from './petitioner-contact.errors';

/**
 * The one internal HTTP call handling makes: intake's audited contact read, on behalf of the
 * caller (its bearer token is forwarded, so intake audits and checks the real person and unit).
 */
@Injectable()
export class IntakeClient {
  constructor(@Inject(HANDLING_SETTINGS) private readonly settings: HandlingSettings) {}

  async petitionerContact(petitionId: string, reason: string, authorization: string): Promise<PetitionerContactView> {
    const url = `${this.settings.intakeUrl}/api/petitions/${encodeURIComponent(petitionId)}/contact?reason=${encodeURIComponent(reason)}`;
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { authorization, accept: 'application/json' },
        signal: AbortSignal.timeout(this.settings.intakeTimeoutMs),
      });
    } catch (err) {
      throw new IntakeUnavailableError(err instanceof Error && err.name === 'TimeoutError' ? 'timed out' : 'unreachable');
    }
    const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    if (res.ok && body) return body as unknown as PetitionerContactView;
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
