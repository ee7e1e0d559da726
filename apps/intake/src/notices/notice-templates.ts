import type { MessageTemplate } from '@petition/notifications';
import type { TimelineKind } from '../timeline/timeline.repository';

/** What a notice tells of. */
export type NoticeKind = 'registration' | 'acceptance' | 'non_acceptance' | 'extension' | 'reply_delivered' | 'appeal_decision' | 'closure';

/*
 * The petitioner's notices (docs/notices.md). Chinese text, versioned: a wording change is a new
 * version, and every notice records the template and version it was rendered from, so what a
 * petitioner was told can always be read back. Placeholders:
 *   {name}       the masked name (张*), never the full one
 *   {trackingNo} the tracking number
 *   {note}       the step's public note — the text the petitioner's page shows for it
 *   {portal}     where to follow the matter (NOTICES_PORTAL)
 * The templates never ask for an ID number or a phone: nothing here can render one.
 */
const T = (id: string, version: number, text: string): MessageTemplate => ({ id, version, text });

export const NOTICE_TEMPLATES = {
  registration: T(
    'registration',
    1,
    '{name}您好：您的信访事项已登记，编号{trackingNo}。请凭编号和登记时告知的查询码在{portal}查询办理进展。',
  ),
  acceptance: T('acceptance', 1, '{name}您好：您的信访事项（{trackingNo}）{note}。'),
  non_acceptance: T('non_acceptance', 1, '{name}您好：您的信访事项（{trackingNo}）经审查，{note}。书面告知另行送达。'),
  extension: T('extension', 1, '{name}您好：您的信访事项（{trackingNo}）{note}。'),
  reply_delivered: T('reply_delivered', 1, '{name}您好：您的信访事项（{trackingNo}）处理意见已送达，全文可在{portal}查看。{note}。'),
  appeal_decision: T('appeal_decision', 1, '{name}您好：您的信访事项（{trackingNo}）{note}。理由全文可在{portal}查看。'),
  closure: T('closure', 1, '{name}您好：您的信访事项（{trackingNo}）{note}。感谢您的理解与支持。'),
} satisfies Record<NoticeKind, MessageTemplate>;

/** Which step is told in which notice; steps not listed (assigned, received, replied…) are internal progress, not notices. */
export const NOTICE_OF_STEP: Partial<Record<TimelineKind, { kind: NoticeKind; note?: string }>> = {
  registered: { kind: 'registration' },
  submitted_online: { kind: 'registration' },
  accepted: { kind: 'acceptance' },
  informed: { kind: 'non_acceptance' },
  forwarded: { kind: 'non_acceptance' },
  refused: { kind: 'non_acceptance' },
  linked_as_repeat: { kind: 'non_acceptance' },
  extended: { kind: 'extension' },
  reply_delivered: { kind: 'reply_delivered' },
  appeal_decided: { kind: 'appeal_decision' },
  answered_on_the_spot: { kind: 'closure' },
  closed: { kind: 'closure', note: '已办结' },
  concluded: { kind: 'closure' },
};
