import { createHash } from 'node:crypto';
import { Packer } from 'docx';
import { assertTemplate, assertVars, type DocumentTemplate, fill, type TemplateBlock } from './document-template';
import { layoutDocument, type RenderedBlock } from './docx-layout';
import { normalisePackage } from './docx-package';

/** The content type a DOCX is stored and served with. */
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface RenderedDocument {
  templateId: string;
  templateVersion: number;
  /** The DOCX bytes. */
  bytes: Buffer;
  /** Lower-case hex SHA-256 of bytes. */
  sha256: string;
  /** The document's text, paragraph by paragraph joined with "\n" (table rows as "label：value"), as rendered — for logs/search/tests. */
  text: string;
}

/** What a field row with nothing to say shows, so a blank cell never reads as an omission. */
const EMPTY_VALUE = '—';

function renderBlock(block: TemplateBlock, vars: Record<string, string>): RenderedBlock {
  const paragraphs = (text: string) => fill(text, vars).split('\n');
  switch (block.kind) {
    case 'fields':
      return {
        kind: 'fields',
        rows: block.rows.map((row) => {
          const value = fill(row.value, vars);
          return { label: paragraphs(row.label), value: value.trim() === '' ? [EMPTY_VALUE] : value.split('\n') };
        }),
      };
    case 'signature':
      return { kind: 'signature', paragraphs: block.lines.flatMap(paragraphs) };
    case 'title':
    case 'docNumber':
    case 'addressee':
    case 'paragraph':
    case 'note':
      return { kind: block.kind, paragraphs: paragraphs(block.text) };
  }
}

/** A label's own trailing colon is not doubled in "label：value". */
const rowText = (row: { label: string[]; value: string[] }) => `${row.label.join('\n').replace(/[：:]\s*$/, '')}：${row.value.join('\n')}`;

function plainText(blocks: RenderedBlock[]): string {
  return blocks.flatMap((block) => (block.kind === 'fields' ? block.rows.map(rowText) : block.paragraphs)).join('\n');
}

/**
 * Renders a template with vars; `issuedAt` fixes every timestamp inside the file (docProps
 * created/modified and the zip entries' dates), so the same template, vars and issuedAt give
 * byte-identical output: a document re-rendered for a retry or an audit has the SHA-256 recorded at
 * issue. Extra vars are ignored; values are printed as they are, never read for placeholders.
 * @throws DocumentTemplateError when the template is malformed ({@link templateProblems}) or naming
 *   every placeholder without a value.
 * @throws RangeError when `issuedAt` is not a valid date from 1980 to 2107.
 */
export async function renderDocument(template: DocumentTemplate, vars: Record<string, string>, issuedAt: Date): Promise<RenderedDocument> {
  assertTemplate(template);
  assertVars(template, vars);
  const blocks = template.blocks.map((block) => renderBlock(block, vars));
  const doc = layoutDocument(fill(template.title, vars), `${template.id} v${template.version}`, blocks);
  const bytes = await normalisePackage(await Packer.toBuffer(doc), issuedAt);
  return {
    templateId: template.id,
    templateVersion: template.version,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    text: plainText(blocks),
  };
}
