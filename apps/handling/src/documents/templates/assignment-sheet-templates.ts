import type { DocumentTemplate } from '@petition/documents';

/** The documents handling issues itself, one per work item and kind. */
export const HANDLING_DOCUMENT_KINDS = ['assignment_sheet'] as const;
export type HandlingDocumentKind = (typeof HANDLING_DOCUMENT_KINDS)[number];

/*
 * Templates are data: each kind lists its versions, oldest first, and a document is issued from
 * the newest. To change a wording, append a version (never edit one that has issued documents):
 * a document already issued keeps its bytes, and says which template and version it came from.
 *
 * Placeholders of the 交办单 (filled by `assignmentSheetVars`): trackingNo, issuer, leadUnit,
 * coHandlers, duty, petitionerName, channel, headcount, registeredOn, assignedOn, title, content,
 * instructions, acceptBy, handleBy, emergency. Never the petitioner's ID number or phone: handling
 * does not hold them, and the case file it reads has masked data only.
 */
export const HANDLING_DOCUMENT_TEMPLATES: Record<HandlingDocumentKind, readonly DocumentTemplate[]> = {
  assignment_sheet: [
    {
      id: 'assignment_sheet',
      version: 1,
      title: '交办单',
      blocks: [
        { kind: 'title', text: '交办单' },
        { kind: 'docNumber', text: '编号：{trackingNo}' },
        {
          kind: 'fields',
          rows: [
            { label: '信访事项编号', value: '{trackingNo}' },
            { label: '交办机关', value: '{issuer}' },
            { label: '承办单位', value: '{leadUnit}' },
            { label: '协办单位', value: '{coHandlers}' },
            { label: '本单位职责', value: '{duty}' },
            { label: '信访人', value: '{petitionerName}' },
            { label: '信访渠道', value: '{channel}' },
            { label: '信访人数', value: '{headcount}' },
            { label: '登记日期', value: '{registeredOn}' },
            { label: '交办日期', value: '{assignedOn}' },
            { label: '信访事项', value: '{title}' },
            { label: '信访内容', value: '{content}' },
            { label: '办理要求', value: '{instructions}' },
            { label: '受理期限', value: '{acceptBy}' },
            { label: '办理期限', value: '{handleBy}' },
            { label: '紧急', value: '{emergency}' },
          ],
        },
        {
          kind: 'paragraph',
          text: '根据《信访工作条例》第二十二条第一款、第二十三条第三款的规定，现将该信访事项交你单位办理。请于受理期限内受理并书面告知信访人；不属于你单位职责范围的，应当自收到之日起五个工作日内提出异议并详细说明理由。',
        },
        { kind: 'signature', lines: ['{issuer}', '{assignedOn}'] },
      ],
    },
  ],
};

/** The template a new document of `kind` is issued from: the newest version. */
export function currentTemplate(kind: HandlingDocumentKind): DocumentTemplate {
  const versions = HANDLING_DOCUMENT_TEMPLATES[kind];
  return versions[versions.length - 1];
}
