import { AppealKind, AppealOutcome, ReplyOutcome } from '@petition/contracts';

/** The words the petitioner reads for each decision (identifiers stay English). */
export const APPEAL_KIND_LABELS: Record<AppealKind, string> = { [AppealKind.Review]: '复查', [AppealKind.Reexamination]: '复核' };

export const APPEAL_OUTCOME_LABELS: Record<AppealOutcome, string> = {
  [AppealOutcome.Upheld]: '维持原处理意见',
  [AppealOutcome.Changed]: '变更原处理意见',
  [AppealOutcome.Revoked]: '撤销原处理意见',
};

/** 处理意见 of a decision letter (条例 Art. 32). */
export const REPLY_OUTCOME_LABELS: Record<ReplyOutcome, string> = {
  [ReplyOutcome.Support]: '予以支持',
  [ReplyOutcome.Explain]: '解释说明',
  [ReplyOutcome.NotSupport]: '不予支持',
};
