import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@petition/clock';
import { MAX_SMS_TEXT_LENGTH, maskPersonalData, normaliseMobileNumber, renderTemplate } from '@petition/notifications';
import { CLOCK } from '@petition/service-kit';
import type { EntityManager } from 'typeorm';
import { INTAKE_SETTINGS, type IntakeSettings } from '../config/intake-settings';
import { PiiCipher, maskPhone } from '../pii/pii-cipher';
import type { TimelineKind } from '../timeline/timeline.repository';
import type { PetitionerNoticeEntity } from './entities/petitioner-notice.entity';
import { NOTICE_OF_STEP, NOTICE_TEMPLATES } from './notice-templates';
import { NoticesRepository, type UnplannedStep } from './notices.repository';

/** Steps planned per transaction. */
const BATCH = 100;

/**
 * Turns the petitioner's timeline into notices. Every step that matters to the petitioner is
 * recorded on the timeline in the transaction that changes the petition, so planning from it
 * misses none and needs no hook in the dozen places that write steps: each pass takes the
 * unplanned steps (locked, so instances share the work), renders a notice for those that are
 * told, and marks them planned — all in one transaction. A petition without a mobile number
 * still gets its notice row, as `no_recipient`, so staff see who must be told in writing.
 */
@Injectable()
export class NoticePlanner {
  constructor(
    private readonly notices: NoticesRepository,
    @Inject(PiiCipher) private readonly pii: PiiCipher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  /** Plans one batch; returns how many steps it took (0 when none were waiting). */
  async planBatch(): Promise<number> {
    return this.notices.transaction(async (manager: EntityManager) => {
      const steps = await this.notices.unplannedSteps(manager, BATCH);
      const now = this.clock.now();
      const rows = steps.map((s) => this.noticeOf(s, now)).filter((n): n is Omit<PetitionerNoticeEntity, 'id'> => n !== null);
      await this.notices.insert(manager, rows);
      await this.notices.markPlanned(
        manager,
        steps.map((s) => s.id),
      );
      return steps.length;
    });
  }

  private noticeOf(step: UnplannedStep, now: Date): Omit<PetitionerNoticeEntity, 'id'> | null {
    const told = NOTICE_OF_STEP[step.kind as TimelineKind];
    if (!told) return null;
    const template = NOTICE_TEMPLATES[told.kind];
    const vars = { name: step.nameMasked, trackingNo: step.trackingNo, portal: this.settings.notices.portal, note: '' };
    // Staff wrote the note (an answer, a reason): no full ID number or mobile may ride along.
    const note = maskPersonalData(told.note ?? step.publicNote ?? '').replace(/[。；;，,\s]+$/u, '');
    const room = MAX_SMS_TEXT_LENGTH - renderTemplate(template, vars).text.length;
    const rendered = renderTemplate(template, { ...vars, note: note.length > room ? `${note.slice(0, Math.max(0, room - 1))}…` : note });
    const mobile = this.mobileOf(step);
    return {
      petitionId: step.petitionId,
      timelineEntryId: step.id,
      kind: told.kind,
      templateId: rendered.templateId,
      templateVersion: rendered.templateVersion,
      text: rendered.text,
      recipientMasked: mobile ? maskPhone(mobile) : null,
      status: mobile ? 'pending' : 'no_recipient',
      attempts: 0,
      nextAttemptAt: mobile ? now : null,
      lastError: mobile ? null : '没有可接收短信的手机号码 (no mobile number on record): notify in writing',
      provider: null,
      providerMessageId: null,
      createdAt: now,
      sentAt: null,
    };
  }

  /** The petitioner's mobile, else the number they called from; a landline cannot take an SMS. */
  private mobileOf(step: Pick<UnplannedStep, 'phoneEnc' | 'callerNumberEnc'>): string | null {
    for (const enc of [step.phoneEnc, step.callerNumberEnc]) {
      if (!enc) continue;
      const mobile = normaliseMobileNumber(this.pii.decrypt(enc));
      if (mobile) return mobile;
    }
    return null;
  }

  /** Same as the planner's choice, for the sender (the number is read again at send time, never stored twice). */
  recipientOf(notice: { phoneEnc: string | null; callerNumberEnc: string | null }): string | null {
    return this.mobileOf(notice);
  }
}
