/**
 * `@petition/documents` — the official documents a petition office prints (受理告知书, 交办单,
 * 处理意见书…) as DOCX in the GB/T 9704 layout, from versioned templates that are data.
 *
 * ```ts
 * const problems = templateProblems(template);      // at boot, with placeholdersOf(template)
 * const doc = await renderDocument(template, { petitionerName: '张三', trackingNo }, issuedAt);
 * doc.bytes; doc.sha256; doc.text;                 // store bytes + sha256, serve as DOCX_CONTENT_TYPE
 * ```
 */
export { DocumentTemplateError, placeholdersOf, templateProblems } from './document-template';
export type { DocumentTemplate, TemplateBlock } from './document-template';
export { DOCX_CONTENT_TYPE, renderDocument } from './render-document';
export type { RenderedDocument } from './render-document';
export { chineseDate } from './chinese-date';
