import { Inject, Injectable } from '@nestjs/common';
import { AppealKind, type AppealOutcome, type ReplyOutcome, TriageOutcome, type PetitionerDocumentKind } from '@petition/contracts';
import { lastDayOfPeriod } from '@petition/deadlines';
import { chineseDate } from '@petition/documents';
import { INTAKE_SETTINGS, type IntakeSettings } from '../config/intake-settings';
import { APPEAL_OUTCOME_LABELS, REPLY_OUTCOME_LABELS } from '../decisions/decision-labels';
import { DecisionsRepository } from '../decisions/decisions.repository';
import { UnitNames } from '../directory/unit-names';
import type { PetitionEntity } from '../petitions/entities/petition.entity';
import { PiiCipher } from '../pii/pii-cipher';

/** A document the petition's state allows, with everything its template needs. */
export interface IssuableDocument {
  kind: PetitionerDocumentKind;
  /** What it is about within its kind (a reply, an appeal); one issued document per subject. */
  subject: string;
  /** The date the document bears: the decision it states. */
  datedAt: Date;
  vars: Record<string, string>;
}

/**
 * Which of the petitioner's documents a petition can have now, and their contents. Intake renders
 * them because they are addressed to the petitioner by full name and address, which only intake
 * holds (docs/documents.md). Each document bears the date of the decision it states, not the date
 * of its first download.
 */
@Injectable()
export class PetitionerDocuments {
  constructor(
    private readonly decisions: DecisionsRepository,
    private readonly units: UnitNames,
    @Inject(PiiCipher) private readonly pii: PiiCipher,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  async issuable(p: PetitionEntity): Promise<IssuableDocument[]> {
    const [letter, appeals] = await Promise.all([this.decisions.deliveredLetter(p.id), this.decisions.appealDecisions(p.id)]);
    const names = await this.units.namesOf([p.leadUnitId, letter?.unitId].filter((u): u is string => !!u));
    const unitName = (id: string | null | undefined) => (id && names.get(id)) || '承办单位';
    const bureau = this.settings.documents.issuer;
    const base = this.common(p);
    const out: IssuableDocument[] = [];
    const add = (kind: PetitionerDocumentKind, subject: string, datedAt: Date, issuer: string, vars: Record<string, string>) =>
      out.push({ kind, subject, datedAt, vars: { ...base, issuer, issuedOn: chineseDate(datedAt), ...vars } });

    const triagedAt = p.triagedAt ?? p.registeredAt;
    switch (p.triageOutcome as TriageOutcome | null) {
      case TriageOutcome.Inform:
        add('inform_notice', 'inform', triagedAt, bureau, { properChannel: p.triageTarget ?? '其他法定途径' });
        break;
      case TriageOutcome.Forward:
        add('forward_notice', 'forward', triagedAt, bureau, {
          authority: p.triageTarget ?? '有权处理的机关',
          decidedOn: chineseDate(triagedAt),
        });
        break;
      // Never the other petition's tracking number: whoever holds this query code downloads it (docs/window.md, Repeats).
      case TriageOutcome.Refuse:
        add('non_acceptance_notice', 'refuse', triagedAt, bureau, {
          decisionText:
            '经审查，你反映的事项与已经办理终结的信访事项属同一事项。根据《信访工作条例》第三十六条第三款的规定，对同一事实和理由提出的投诉请求，不再受理。',
        });
        break;
      case TriageOutcome.LinkRepeat:
        add('non_acceptance_notice', 'link_repeat', triagedAt, bureau, {
          decisionText:
            '经审查，你反映的事项与正在办理中的信访事项属同一事项。根据《信访工作条例》第十九条的规定，不予重复受理，该事项已并入原信访事项一并办理，办理结果将一并告知。',
        });
        break;
      // Sent to the units (their acceptance notice follows) or answered in person: no triage notice.
      case TriageOutcome.Dispatch:
      case TriageOutcome.AnswerOnTheSpot:
      case null:
        break;
    }
    if (p.acceptedAt && p.handlingDue) {
      add('acceptance_notice', 'acceptance', p.acceptedAt, unitName(p.leadUnitId), {
        acceptedOn: chineseDate(p.acceptedAt),
        handleBy: chineseDate(lastDayOfPeriod(p.handlingDue)),
      });
    }
    if (letter?.deliveredAt) {
      add('decision_letter', letter.replyId, letter.repliedAt, unitName(letter.unitId ?? p.leadUnitId), {
        acceptedOn: p.acceptedAt ? chineseDate(p.acceptedAt) : chineseDate(letter.repliedAt),
        request: p.content,
        // Letters recorded before the parts were kept state their whole text as the facts.
        facts: letter.facts ?? letter.text,
        decision: letter.decision ?? '见上文',
        legalBasis: letter.legalBasis ?? '《信访工作条例》',
        outcomeLabel: REPLY_OUTCOME_LABELS[letter.outcome as ReplyOutcome] ?? letter.outcome,
        reviewBy: p.reviewRequestDue ? chineseDate(lastDayOfPeriod(p.reviewRequestDue)) : '收到本意见书之日起三十日',
      });
    }
    for (const a of appeals) {
      const vars = {
        decidedOn: chineseDate(a.decidedAt),
        outcomeLabel: APPEAL_OUTCOME_LABELS[a.outcome as AppealOutcome] ?? a.outcome,
        reason: a.reason ?? '',
      };
      if (a.kind === AppealKind.Review)
        add('review_decision', a.appealId, a.decidedAt, bureau, {
          ...vars,
          reexamBy: p.reexamRequestDue ? chineseDate(lastDayOfPeriod(p.reexamRequestDue)) : '收到本意见书之日起三十日',
        });
      else add('reexam_decision', a.appealId, a.decidedAt, bureau, vars);
    }
    return out;
  }

  /** What every petitioner document states: who it is addressed to, the matter, where to follow it. */
  private common(p: PetitionEntity): Record<string, string> {
    const name = this.pii.decrypt(p.petitionerNameEnc);
    return {
      petitionerName: p.anonymous && name === '匿名' ? '信访人' : name,
      petitionerAddress: p.petitionerAddressEnc ? this.pii.decrypt(p.petitionerAddressEnc) : '（未登记送达地址）',
      trackingNo: p.trackingNo,
      title: p.title,
      receivedOn: chineseDate(p.receivedAt),
      portal: this.settings.notices.portal,
    };
  }
}
