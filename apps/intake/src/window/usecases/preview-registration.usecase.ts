import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import type { PetitionStatus } from '@petition/contracts';
import { CLOCK, ValidationFailedError } from '@petition/service-kit';
import type { RegisterPetitionDto } from '../../petitions/dto/register-petition.dto';
import { detectEmergencySignals } from '../../petitions/emergency-detector';
import type { PetitionDraft } from '../../petitions/petition-draft';
import { STATUS_LABELS } from '../../petitions/status-labels';
import { RegistrationRepository } from '../../petitions/registration.repository';
import { RegisterPetitionUseCase } from '../../petitions/usecases/register-petition.usecase';
import { idNumberHash, phoneHash } from '../../pii/identity-hashes';
import { PiiCipher } from '../../pii/pii-cipher';
import { judgeRepeat, similarPetitions, type SimilarPetition } from '../../repeats/repeat-policy';
import { textTerms } from '../../repeats/text-terms';
import type { PreviewWarningView, RegistrationPreviewView } from '../dto/registration-preview.view';
import { PetitionerHistoryRepository, type HistoryRow } from '../petitioner-history.repository';
import { historyItem } from './lookup-petitioner.usecase';

/** What the audit log says a preview was for: the clerk is registering this person's petition. */
export const PREVIEW_REASON = '登记前预览 (registration preview)';

/**
 * Runs a registration's checks and its repeat decision without saving anything, so the clerk can
 * tell the person in front of them before registering: "this is the same matter as your petition
 * of last month, still being handled", or "you have another matter open". The same validation as
 * the registration (400 with field reasons), the same repeat policy on the same snapshot; the
 * earlier petitions it reveals are logged like a lookup.
 */
@Injectable()
export class PreviewRegistrationUseCase {
  constructor(
    private readonly register: RegisterPetitionUseCase,
    private readonly registrations: RegistrationRepository,
    private readonly history: PetitionerHistoryRepository,
    @Inject(PiiCipher) private readonly pii: PiiCipher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: RegisterPetitionDto, by: StaffUser): Promise<RegistrationPreviewView> {
    const { channel, emergency, letter, call, route, answer, ...fields } = input;
    const draft: PetitionDraft = {
      source: 'staff',
      channel,
      fields,
      emergencyFlag: emergency === true,
      letter,
      call,
      route,
      answer,
      registeredBy: by.sub,
    };
    const problems = await this.register.problems(draft);
    if (problems.length) throw new ValidationFailedError(problems);
    const now = this.clock.now();
    const text = `${fields.title}\n${fields.content}`;
    const signals = detectEmergencySignals(text);
    const identified = fields.anonymous !== true && (fields.petitionerIdNumber || fields.petitionerPhone);
    const idHash = fields.petitionerIdNumber ? idNumberHash(this.pii, fields.petitionerIdNumber) : null;
    const phone = fields.petitionerPhone ? phoneHash(this.pii, fields.petitionerPhone) : null;
    let earlier: HistoryRow[] = [];
    let verdict = judgeRepeat([], []);
    let unverified: SimilarPetition[] = [];
    if (identified) {
      const snapshot = await this.registrations.snapshot({
        hashes: [idHash, phone].filter((h): h is string => h !== null),
        idHash,
        phoneHash: phone,
        categoryCode: fields.categoryCode,
        district: fields.regionCode.slice(0, 6),
      });
      verdict = judgeRepeat(textTerms(text), snapshot.candidates);
      unverified = similarPetitions(textTerms(text), snapshot.candidates).filter((c) => !c.candidate.verified);
      earlier = await this.earlierPetitions(idHash, phone);
      await this.history.record({
        actor: by.sub,
        actorRoles: by.roles,
        reason: PREVIEW_REASON,
        matchedBy: 'registration_preview',
        petitionIds: earlier.map((r) => r.id),
        at: now,
      });
    }
    const original = verdict.kind === 'new' ? null : verdict.original;
    const openMatters = earlier.map((r) => historyItem(r, now)).filter((p) => p.open && p.id !== original?.id);
    const repeat =
      verdict.kind === 'new'
        ? null
        : {
            kind: verdict.kind,
            trackingNo: verdict.original.trackingNo,
            title: earlier.find((r) => r.id === verdict.original.id)?.title ?? null,
            status: verdict.original.status,
            similarity: verdict.similarity,
          };
    const warnings: PreviewWarningView[] = [];
    if (repeat?.kind === 'link')
      warnings.push({
        code: 'LIKELY_REPEAT',
        message: `疑似重复信访：与 ${repeat.trackingNo}（${STATUS_LABELS[repeat.status as PetitionStatus]}）为同一事项，保存后将并入原件（《信访工作条例》第十九条）`,
      });
    if (repeat?.kind === 'refuse')
      warnings.push({
        code: 'CONCLUDED_MATTER',
        message: `同一事项 ${repeat.trackingNo} 已办结，保存后将不再受理（《信访工作条例》第三十六条）`,
      });
    // Online submissions are never matched automatically (RepeatCandidate.verified): the clerk,
    // with the person in front of them, decides — hold for triage and link by hand if it is theirs.
    for (const { candidate: c } of unverified)
      warnings.push({
        code: 'POSSIBLE_REPEAT',
        message: `可能与网上提交的 ${c.trackingNo}（${STATUS_LABELS[c.status]}）为同一事项；网上提交未核实身份，不会自动并入，核实后可在分拣时手动并入`,
      });
    for (const m of openMatters)
      warnings.push({
        code: 'OPEN_MATTER',
        message: `该信访人另有事项正在办理：${m.trackingNo}「${m.title}」（${STATUS_LABELS[m.status]}）`,
      });
    if (signals.length || emergency)
      warnings.push({ code: 'EMERGENCY', message: `紧急情况，保存后将立即报警：${signals.join('、') || '登记人标记'}` });
    return {
      outcome: repeat ? (repeat.kind === 'link' ? 'link_repeat' : 'refuse') : (route ?? 'dispatch'),
      repeat,
      openMatters,
      emergencySignals: signals,
      warnings,
    };
  }

  /** The person's petitions by ID number and by phone, merged, newest first. */
  private async earlierPetitions(idHash: string | null, phone: string | null): Promise<HistoryRow[]> {
    const byId = idHash ? await this.history.find({ by: 'id_number', hash: idHash }, 100) : [];
    const byPhone = phone ? await this.history.find({ by: 'phone', hash: phone }, 100) : [];
    const seen = new Map<string, HistoryRow>();
    for (const r of [...byId, ...byPhone]) seen.set(r.id, r);
    return [...seen.values()].sort((a, b) => new Date(b.registeredAt).getTime() - new Date(a.registeredAt).getTime());
  }
}
