import type { PetitionerDocumentKind } from '@petition/contracts';
import type { DocumentTemplate, TemplateBlock } from '@petition/documents';

/*
 * Templates are data: each kind lists its versions, oldest first, and a document is issued from
 * the newest. To change a wording, append a version (never edit one that has issued documents):
 * a document already issued keeps its bytes, and says which template and version it came from.
 *
 * Placeholders every template may use: petitionerName, petitionerAddress, trackingNo, title,
 * receivedOn, issuer, issuedOn, portal; and those of its kind (see PetitionerDocuments).
 */
const addressee: TemplateBlock = { kind: 'addressee', text: '{petitionerName}：' };
const number: TemplateBlock = { kind: 'docNumber', text: '信访事项编号：{trackingNo}' };
const received = '你于{receivedOn}提出的信访事项（“{title}”）已收悉。';
const signature: TemplateBlock = { kind: 'signature', lines: ['{issuer}', '{issuedOn}'] };
const delivery: TemplateBlock = { kind: 'note', text: '送达地址：{petitionerAddress}' };

export const PETITIONER_DOCUMENT_TEMPLATES: Record<PetitionerDocumentKind, readonly DocumentTemplate[]> = {
  acceptance_notice: [
    {
      id: 'acceptance_notice',
      version: 1,
      title: '受理告知书',
      blocks: [
        { kind: 'title', text: '受理告知书' },
        number,
        addressee,
        {
          kind: 'paragraph',
          text: `${received}根据《信访工作条例》第二十三条的规定，经审查，该事项属于本机关职责范围，本机关已于{acceptedOn}决定予以受理。`,
        },
        {
          kind: 'paragraph',
          text: '本机关将依照《信访工作条例》第三十二条、第三十四条的规定，于{handleBy}前办结，并向你出具信访事项处理意见书。情况复杂需要延长办理期限的，将告知你延期理由。',
        },
        { kind: 'paragraph', text: '你可以凭信访事项编号和查询码在{portal}查询办理进展。' },
        signature,
        delivery,
      ],
    },
  ],
  inform_notice: [
    {
      id: 'inform_notice',
      version: 1,
      title: '告知书',
      blocks: [
        { kind: 'title', text: '告知书' },
        number,
        addressee,
        {
          kind: 'paragraph',
          text: `${received}经审查，你反映的事项应当依照有关法律、行政法规规定的程序解决，请你通过以下途径提出：{properChannel}。`,
        },
        { kind: 'paragraph', text: '根据《信访工作条例》第二十二条第二款、第二十三条第一款、第三十一条的规定，特此告知。' },
        signature,
        delivery,
      ],
    },
  ],
  forward_notice: [
    {
      id: 'forward_notice',
      version: 1,
      title: '转送告知书',
      blocks: [
        { kind: 'title', text: '转送告知书' },
        number,
        addressee,
        {
          kind: 'paragraph',
          text: `${received}经审查，该事项属于{authority}的职责范围。根据《信访工作条例》第二十二条第一款的规定，本机关已于{decidedOn}将该事项转送{authority}办理，请你今后就该事项与其联系。`,
        },
        signature,
        delivery,
      ],
    },
  ],
  non_acceptance_notice: [
    {
      id: 'non_acceptance_notice',
      version: 1,
      title: '不予受理告知书',
      blocks: [
        { kind: 'title', text: '不予受理告知书' },
        number,
        addressee,
        { kind: 'paragraph', text: `${received}{decisionText}` },
        { kind: 'paragraph', text: '特此告知。' },
        signature,
        delivery,
      ],
    },
  ],
  decision_letter: [
    {
      id: 'decision_letter',
      version: 1,
      title: '信访事项处理意见书',
      blocks: [
        { kind: 'title', text: '信访事项处理意见书' },
        number,
        addressee,
        {
          kind: 'paragraph',
          text: `${received}本机关于{acceptedOn}受理后，依照《信访工作条例》第三十一条、第三十二条的规定进行了调查核实。现将处理意见告知如下：`,
        },
        { kind: 'paragraph', text: '一、信访请求：{request}' },
        { kind: 'paragraph', text: '二、查明事实：{facts}' },
        { kind: 'paragraph', text: '三、处理意见：{decision}（{outcomeLabel}）' },
        { kind: 'paragraph', text: '四、法律政策依据：{legalBasis}' },
        {
          kind: 'paragraph',
          text: '如对本处理意见不服，可以自收到本意见书之日起三十日内，即{reviewBy}前，向本机关的上一级机关申请复查（《信访工作条例》第三十五条）。',
        },
        signature,
        delivery,
      ],
    },
  ],
  review_decision: [
    {
      id: 'review_decision',
      version: 1,
      title: '信访事项复查意见书',
      blocks: [
        { kind: 'title', text: '信访事项复查意见书' },
        number,
        addressee,
        {
          kind: 'paragraph',
          text: '你对信访事项（“{title}”）的处理意见不服，申请复查。本机关依照《信访工作条例》第三十五条的规定进行了复查，于{decidedOn}提出复查意见如下：',
        },
        { kind: 'paragraph', text: '{outcomeLabel}。{reason}' },
        {
          kind: 'paragraph',
          text: '如对本复查意见不服，可以自收到本意见书之日起三十日内，即{reexamBy}前，向复查机关的上一级机关请求复核（《信访工作条例》第三十六条）。',
        },
        signature,
        delivery,
      ],
    },
  ],
  reexam_decision: [
    {
      id: 'reexam_decision',
      version: 1,
      title: '信访事项复核意见书',
      blocks: [
        { kind: 'title', text: '信访事项复核意见书' },
        number,
        addressee,
        {
          kind: 'paragraph',
          text: '你对信访事项（“{title}”）的复查意见不服，请求复核。本机关依照《信访工作条例》第三十六条的规定进行了复核，于{decidedOn}提出复核意见如下：',
        },
        { kind: 'paragraph', text: '{outcomeLabel}。{reason}' },
        {
          kind: 'paragraph',
          text: '本复核意见为最终意见。你对同一事实和理由再次提出投诉请求的，各级信访工作机构和其他机关、单位不再受理（《信访工作条例》第三十六条第三款）。',
        },
        signature,
        delivery,
      ],
    },
  ],
};

/** The template a new document of `kind` is issued from: the newest version. */
export function currentTemplate(kind: PetitionerDocumentKind): DocumentTemplate {
  const versions = PETITIONER_DOCUMENT_TEMPLATES[kind];
  return versions[versions.length - 1];
}

/** The Chinese title of a kind, for lists and file names. */
export function documentTitle(kind: PetitionerDocumentKind): string {
  return currentTemplate(kind).title;
}
