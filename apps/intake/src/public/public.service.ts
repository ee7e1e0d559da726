import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@petition/clock';
import {
  APPEAL_REQUESTED,
  AppealKind,
  AppealOutcome,
  Channel,
  ReplyOutcome,
  EVALUATION_SUBMITTED,
  PetitionStatus,
  toOffsetIso,
  type AppealRequestedPayload,
  type EvaluationSubmittedPayload,
} from '@petition/contracts';
import { lastDayOfPeriod } from '@petition/deadlines';
import { EventOutbox } from '@petition/messaging';
import { CLOCK, ValidationFailedError } from '@petition/service-kit';
import { INTAKE_SETTINGS, type IntakeSettings } from '../config/intake-settings';
import { AttachmentsService } from '../attachments/attachments.service';
import type { AttachmentView } from '../attachments/dto/attachment.view';
import type { PetitionEntity } from '../petitions/entities/petition.entity';
import type { PetitionDraft } from '../petitions/petition-draft';
import { APPEAL_KIND_LABELS, APPEAL_OUTCOME_LABELS, REPLY_OUTCOME_LABELS } from '../decisions/decision-labels';
import { DecisionsRepository } from '../decisions/decisions.repository';
import type { PublicDocumentDto } from '../documents/dto/document.dto';
import type { IssuedDocumentEntity } from '../documents/entities/issued-document.entity';
import { DownloadPetitionerDocumentUseCase } from '../documents/usecases/download-petitioner-document.usecase';
import { PetitionsRepository } from '../petitions/petitions.repository';
import { STATUS_LABELS } from '../petitions/status-labels';
import { RegisterPetitionUseCase } from '../petitions/usecases/register-petition.usecase';
import { PiiCipher } from '../pii/pii-cipher';
import { TimelineRepository } from '../timeline/timeline.repository';
import type { PublicPetitionView, PublicReceiptView, PublicSubmissionView } from './dto/public-petition.view';
import { QUERY_CODE_PATTERN, type RequestAppealDto, type SubmitEvaluationDto } from './dto/public-requests.dto';
import type { SubmitOnlinePetitionDto } from './dto/submit-online-petition.dto';
import {
  AppealNotPossibleError,
  EvaluationNotPossibleError,
  PublicPetitionNotFoundError,
  PublicRateLimitedError,
  RequestWindowClosedError,
  UploadNotPossibleError,
} from './public.errors';
import { QueryCodeLimits } from './query-code-limits';
import { TokenBucketLimiter } from './rate-limiter';

const TIMELINE_LABELS: Record<string, string> = {
  registered: '已登记',
  submitted_online: '网上提交',
  dispatched: '已转交办理',
  informed: '已告知其他途径',
  forwarded: '已转送有权机关',
  refused: '不再受理',
  linked_as_repeat: '重复信访，已并入原件',
  answered_on_the_spot: '已当场答复',
  queued_for_dispatcher: '等待人工分办',
  assigned: '已交办承办单位',
  unit_received: '承办单位已收到',
  accepted: '承办单位已受理',
  extended: '办理期限已延长',
  evaluation_submitted: '已提交评价',
  appeal_requested: '已提交复查/复核申请',
  replied: '承办单位已作出答复，正在审核',
  reply_approved: '答复已审核通过',
  reply_delivered: '答复已送达',
  evaluation_recorded: '评价已记录',
  closed: '已办结',
  appeal_filed: '复查/复核申请已受理',
  appeal_decided: '已作出复查/复核意见',
  concluded: '已终结',
};

/**
 * The petitioner's side: online submission, the timeline lookup by tracking number and query
 * code, evaluations and appeals. Query codes are checked under {@link QueryCodeLimits}: wrong codes
 * are limited per address and per tracking number, so they cannot be guessed, and no stranger can
 * lock the petitioner out.
 */
@Injectable()
export class PublicService {
  private readonly limits = new QueryCodeLimits();
  /** Online registrations per client address: a burst, then `PUBLIC_SUBMIT_PER_HOUR` (defaults 10 and 10). */
  private readonly submissions: TokenBucketLimiter;

  constructor(
    private readonly petitions: PetitionsRepository,
    private readonly timeline: TimelineRepository,
    private readonly decisions: DecisionsRepository,
    private readonly documents: DownloadPetitionerDocumentUseCase,
    private readonly registerPetition: RegisterPetitionUseCase,
    private readonly attachments: AttachmentsService,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(PiiCipher) private readonly pii: PiiCipher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INTAKE_SETTINGS) settings: IntakeSettings,
  ) {
    this.submissions = new TokenBucketLimiter(settings.publicSubmit.burst, settings.publicSubmit.perHour / 3600);
  }

  /**
   * Registers an online petition. Only a registration that would be accepted costs a token, so a
   * petitioner correcting a form is not locked out; a flood of valid ones from one address is.
   */
  async submit(input: SubmitOnlinePetitionDto, address: string): Promise<PublicSubmissionView> {
    const draft: PetitionDraft = {
      source: 'online',
      channel: Channel.Online,
      fields: input,
      emergencyFlag: false,
      registeredBy: 'online-portal',
    };
    const problems = await this.registerPetition.problems(draft);
    if (problems.length) throw new ValidationFailedError(problems);
    if (!this.submissions.take(address)) {
      throw new PublicRateLimitedError(
        'address',
        this.submissions.secondsUntilToken(address),
        '提交过于频繁，请稍后再试 (too many online petitions from this address)',
      );
    }
    const r = await this.registerPetition.execute(draft);
    return { trackingNo: r.trackingNo, queryCode: r.queryCode as string, status: r.status };
  }

  async lookup(trackingNo: string, queryCode: string, address: string): Promise<PublicPetitionView> {
    const p = await this.authenticate(trackingNo, queryCode, address);
    const [steps, letter, extensions, appeals] = await Promise.all([
      this.timeline.forPetition(p.id),
      this.decisions.deliveredLetter(p.id),
      this.decisions.approvedExtensions(p.id),
      this.decisions.appealDecisions(p.id),
    ]);
    return {
      trackingNo: p.trackingNo,
      status: p.status,
      statusLabel: STATUS_LABELS[p.status],
      categoryCode: p.categoryCode,
      regionCode: p.regionCode,
      registeredAt: toOffsetIso(p.registeredAt),
      timeline: steps.map((s) => ({ kind: s.kind, label: TIMELINE_LABELS[s.kind] ?? s.kind, note: s.publicNote, at: toOffsetIso(s.at) })),
      acceptance:
        p.acceptedAt && p.handlingDue ? { acceptedAt: toOffsetIso(p.acceptedAt), handleBy: lastDayOfPeriod(p.handlingDue) } : null,
      extensions: extensions.map((e) => ({
        approvedAt: toOffsetIso(e.decidedAt as Date),
        handleBy: lastDayOfPeriod(e.newDue as Date),
        reason: e.reason,
      })),
      decisionLetter:
        letter && letter.deliveredAt
          ? {
              outcome: letter.outcome,
              outcomeLabel: REPLY_OUTCOME_LABELS[letter.outcome as ReplyOutcome] ?? letter.outcome,
              text: letter.text,
              deliveredAt: toOffsetIso(letter.deliveredAt),
            }
          : null,
      appealDecisions: appeals.map((a) => ({
        kind: a.kind,
        kindLabel: APPEAL_KIND_LABELS[a.kind as AppealKind] ?? a.kind,
        outcome: a.outcome,
        outcomeLabel: APPEAL_OUTCOME_LABELS[a.outcome as AppealOutcome] ?? a.outcome,
        reason: a.reason,
        decidedAt: toOffsetIso(a.decidedAt),
      })),
    };
  }

  async evaluate(trackingNo: string, input: SubmitEvaluationDto, address: string): Promise<PublicReceiptView> {
    const p = await this.authenticate(trackingNo, input.queryCode, address);
    // Evaluation opens when the reply is delivered (a later one replaces an earlier) and runs with the review window.
    if (!p.replyDeliveredAt || p.status === PetitionStatus.Concluded) throw new EvaluationNotPossibleError(p.status);
    const now = this.clock.now();
    if (p.reviewRequestDue && now.getTime() > p.reviewRequestDue.getTime())
      throw new RequestWindowClosedError('evaluation', toOffsetIso(p.reviewRequestDue));
    const payload: EvaluationSubmittedPayload = {
      petitionId: p.id,
      trackingNo: p.trackingNo,
      satisfaction: input.satisfaction,
      solved: input.solved,
      comment: input.comment ?? null,
      submittedAt: toOffsetIso(now),
    };
    await this.petitions.transaction(async (manager) => {
      await this.timeline.append(manager, p.id, 'evaluation_submitted', now);
      await this.outbox.publish(manager, now, { type: EVALUATION_SUBMITTED, petitionId: p.id, payload });
    });
    return { trackingNo: p.trackingNo, recorded: 'evaluation_submitted', at: toOffsetIso(now) };
  }

  async appeal(trackingNo: string, input: RequestAppealDto, address: string): Promise<PublicReceiptView> {
    const p = await this.authenticate(trackingNo, input.queryCode, address);
    const steps = await this.timeline.forPetition(p.id);
    const now = this.clock.now();
    const requested = (kind: AppealKind) => steps.some((s) => s.kind === 'appeal_requested' && s.publicNote === kind);
    if (p.status === PetitionStatus.Concluded) throw new AppealNotPossibleError(input.kind, 'the matter is concluded (条例 Art. 36)');
    if (input.kind === AppealKind.Review) {
      if (!p.replyDeliveredAt || !p.reviewRequestDue)
        throw new AppealNotPossibleError(input.kind, `a review can be requested once the reply is delivered; the petition is ${p.status}`);
      if (requested(AppealKind.Review)) throw new AppealNotPossibleError(input.kind, 'a review was already requested');
      if (now.getTime() > p.reviewRequestDue.getTime()) throw new RequestWindowClosedError('review', toOffsetIso(p.reviewRequestDue));
    } else {
      if (!p.reexamRequestDue)
        throw new AppealNotPossibleError(
          input.kind,
          're-examination follows a review decision (条例 Art. 36); no review decision is on record',
        );
      if (requested(AppealKind.Reexamination)) throw new AppealNotPossibleError(input.kind, 'a re-examination was already requested');
      if (now.getTime() > p.reexamRequestDue.getTime())
        throw new RequestWindowClosedError('reexamination', toOffsetIso(p.reexamRequestDue));
    }
    const payload: AppealRequestedPayload = {
      petitionId: p.id,
      trackingNo: p.trackingNo,
      kind: input.kind,
      grounds: input.grounds,
      requestedAt: toOffsetIso(now),
    };
    await this.petitions.transaction(async (manager) => {
      await this.timeline.append(manager, p.id, 'appeal_requested', now, input.kind);
      await this.outbox.publish(manager, now, { type: APPEAL_REQUESTED, petitionId: p.id, payload });
    });
    return { trackingNo: p.trackingNo, recorded: 'appeal_requested', at: toOffsetIso(now) };
  }

  /**
   * The petitioner adds a file (evidence, a recording) to their own matter while it is still open.
   * The body is the file, so the query code comes in the `X-Query-Code` header: never in the URL,
   * which proxies log and traces record.
   */
  async attach(
    trackingNo: string,
    input: { queryCode: string | undefined; fileName: string; data: Buffer; contentType: string | undefined },
    address: string,
  ): Promise<AttachmentView> {
    if (!input.queryCode || !QUERY_CODE_PATTERN.test(input.queryCode))
      throw new ValidationFailedError([
        {
          field: 'X-Query-Code',
          reason: input.queryCode ? 'must be the 8-character code given at registration' : 'header is required',
        },
      ]);
    const p = await this.authenticate(trackingNo, input.queryCode, address);
    if (p.status === PetitionStatus.Ended || p.status === PetitionStatus.Concluded) throw new UploadNotPossibleError(p.status);
    return this.attachments.attach(p.id, { data: input.data, declaredContentType: input.contentType, fileName: input.fileName }, 'public');
  }

  /** The petitioner's own document (受理告知书, 处理意见书…), authenticated by the query code like the lookup. */
  async document(input: PublicDocumentDto, address: string): Promise<IssuedDocumentEntity> {
    const p = await this.authenticate(input.trackingNo, input.queryCode, address);
    return this.documents.forPetitioner(p, input.kind);
  }

  /**
   * The limits first (an address refused is refused before its code is checked), then the tracking
   * number and the query code hash; a miss counts against the address and the tracking number.
   */
  private async authenticate(trackingNo: string, queryCode: string, address: string): Promise<PetitionEntity> {
    this.limits.admit(address, trackingNo);
    const p = /^\d{6}-\d{8}-\d{6}$/.test(trackingNo) ? await this.petitions.findByTrackingNo(trackingNo) : null;
    if (!p || !p.queryCodeHash || p.queryCodeHash !== this.pii.hash(`qc:${queryCode}`)) {
      this.limits.failed(address, trackingNo);
      throw new PublicPetitionNotFoundError();
    }
    return p;
  }
}
