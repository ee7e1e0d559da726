import {
  AlignmentType,
  Document,
  type IRunOptions,
  LineRuleType,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

/*
 * The page and type of Chinese official documents, after GB/T 9704-2012 (党政机关公文格式): A4,
 * type area 156 mm × 225 mm, 22 lines of 28 characters of 三号仿宋, titles in 二号小标宋. Sizes are
 * twips (1/20 pt) and half-points, as WordprocessingML writes them: numbers rather than "37mm",
 * which older readers do not take.
 */

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

export const PAGE = { width: twips(210), height: twips(297) };
export const MARGINS = { top: twips(37), bottom: twips(35), left: twips(28), right: twips(26) };
const TEXT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;

/** 三号 (16 pt) for the body, 二号 (22 pt) for the title, 四号 (14 pt) for notes, in half-points. */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;
const NOTE_SIZE = 28;

/** One character of body text (16 pt) in twips: the unit GB/T 9704 gives indents in. */
const BODY_CHAR = 320;
const NOTE_CHAR = 280;

/** Exactly 22 lines fit the 225 mm type area (12 756 twips / 22, rounded down). */
const LINE = 579;
const exactLines = (lines = 1) => ({ line: LINE * lines, lineRule: LineRuleType.EXACT });

/**
 * Font names as Word lists them. WordprocessingML has no fallback list on a run; `fontTable.xml`
 * names each font's alternative (`w:altName`), which Word and LibreOffice use when the font is not
 * installed — see `FONT_TABLE` below. Fonts are never embedded: offices have them, and embedding
 * licensed fonts is not ours to do.
 */
export const BODY_FONT = '仿宋_GB2312';
export const TITLE_FONT = '方正小标宋简体';
const BODY_FALLBACK = 'FangSong';
const TITLE_FALLBACK = 'SimSun';

const everyScript = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

/**
 * The declared fonts: GB2312 charset (86) and their alternatives, so a machine without 仿宋_GB2312
 * or 方正小标宋简体 sets the text in FangSong or SimSun rather than in a Latin default.
 */
export const FONT_TABLE: ReadonlyArray<{ name: string; altName?: string; family: string; pitch: string }> = [
  { name: BODY_FONT, altName: BODY_FALLBACK, family: 'modern', pitch: 'fixed' },
  { name: TITLE_FONT, altName: TITLE_FALLBACK, family: 'auto', pitch: 'variable' },
  { name: BODY_FALLBACK, altName: '仿宋', family: 'modern', pitch: 'fixed' },
  { name: TITLE_FALLBACK, altName: '宋体', family: 'auto', pitch: 'variable' },
];

/** A template's blocks with their values filled in, each paragraph's text apart: what is laid out and what `text` reports. */
export type RenderedBlock =
  | { kind: 'title' | 'docNumber' | 'addressee' | 'paragraph' | 'note' | 'signature'; paragraphs: string[] }
  | { kind: 'fields'; rows: Array<{ label: string[]; value: string[] }> };

const bodyRun = (text: string, extra: IRunOptions = {}) => new TextRun({ text, font: everyScript(BODY_FONT), size: BODY_SIZE, ...extra });

/** The paragraphs of one block, in its fixed style. */
function blockChildren(block: RenderedBlock): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'title':
      return block.paragraphs.map(
        (text) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            // Multi-line titles need more than a body line; single spacing of 22 pt type.
            spacing: { line: 240, lineRule: LineRuleType.AUTO },
            children: [new TextRun({ text, font: everyScript(TITLE_FONT), size: TITLE_SIZE, bold: true })],
          }),
      );
    case 'docNumber':
      return block.paragraphs.map(
        (text, i) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            // An empty line before the addressee, as under a title (GB/T 9704 7.3.2).
            spacing: { ...exactLines(), after: i === block.paragraphs.length - 1 ? LINE : 0 },
            children: [bodyRun(text)],
          }),
      );
    case 'addressee':
      return block.paragraphs.map(
        (text) => new Paragraph({ alignment: AlignmentType.LEFT, spacing: exactLines(), children: [bodyRun(text)] }),
      );
    case 'paragraph':
      return block.paragraphs.map(
        (text) =>
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            // Two characters: `firstLineChars` for Word and WPS, `firstLine` for readers that ignore it.
            indent: { firstLineChars: 200, firstLine: 2 * BODY_CHAR },
            spacing: exactLines(),
            children: [bodyRun(text)],
          }),
      );
    case 'fields':
      return [fieldsTable(block.rows)];
    case 'signature':
      return block.paragraphs.map(
        (text, i) =>
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            // Two empty lines above the issuer; the date "右空四字" (GB/T 9704 7.3.5.1).
            indent: { right: 4 * BODY_CHAR },
            spacing: { ...exactLines(), before: i === 0 ? 2 * LINE : 0 },
            children: [bodyRun(text)],
          }),
      );
    case 'note':
      return block.paragraphs.map(
        (text, i) =>
          new Paragraph({
            alignment: AlignmentType.LEFT,
            // 四号, one character in from each side, like the 抄送 lines of a 版记 (GB/T 9704 7.4).
            indent: { left: NOTE_CHAR, right: NOTE_CHAR },
            spacing: { ...exactLines(), before: i === 0 ? LINE : 0 },
            children: [new TextRun({ text, font: everyScript(BODY_FONT), size: NOTE_SIZE })],
          }),
      );
  }
}

const LABEL_WIDTH = 2520;

function fieldsTable(rows: Array<{ label: string[]; value: string[] }>): Table {
  const cell = (lines: string[], width: number, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      children: lines.map((text) => new Paragraph({ alignment, spacing: exactLines(), children: [bodyRun(text)] })),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH],
    // Fixed, so a long value wraps in its cell instead of widening the table past the margin.
    layout: TableLayoutType.FIXED,
    rows: rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: [cell(row.label, LABEL_WIDTH, AlignmentType.CENTER), cell(row.value, TEXT_WIDTH - LABEL_WIDTH, AlignmentType.LEFT)],
        }),
    ),
  });
}

/**
 * Two tables in a row run together into one when the file is edited in Word, and Word keeps a
 * paragraph after a document's last table anyway: an empty line after such a table keeps both as
 * Word would save them.
 */
function withSpacerAfterTables(children: Array<Paragraph | Table>): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  children.forEach((child, i) => {
    out.push(child);
    const next = children[i + 1];
    if (child instanceof Table && (next === undefined || next instanceof Table)) {
      out.push(new Paragraph({ spacing: exactLines(), children: [] as ParagraphChild[] }));
    }
  });
  return out;
}

/** The docx model of a rendered document, its `title` written to the file's core properties. */
export function layoutDocument(title: string, description: string, blocks: RenderedBlock[]): Document {
  return new Document({
    title,
    description,
    creator: '信访平台',
    lastModifiedBy: '信访平台',
    revision: 1,
    styles: {
      default: {
        document: {
          run: { font: everyScript(BODY_FONT), size: BODY_SIZE, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: exactLines() },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: { ...MARGINS, header: twips(15), footer: twips(28), gutter: 0 },
          },
        },
        children: withSpacerAfterTables(blocks.flatMap(blockChildren)),
      },
    ],
  });
}
