/**
 * A block of a template: text may contain {placeholders}. Each block kind has one fixed layout
 * (see `docx-layout.ts`), so a template says what an office prints, never how it looks.
 */
export type TemplateBlock =
  /** Centred, large bold (e.g. 受理告知书). */
  | { kind: 'title'; text: string }
  /** Centred, under the title (e.g. 编号：{trackingNo}). */
  | { kind: 'docNumber'; text: string }
  /** Flush left, e.g. "{petitionerName}：". */
  | { kind: 'addressee'; text: string }
  /** Body text with a first-line indent of two characters; a "\n" in the rendered text starts a new paragraph with the same style. */
  | { kind: 'paragraph'; text: string }
  /** A two-column bordered table (label | value), for forms like 交办单; a row whose rendered value is empty shows "—". */
  | { kind: 'fields'; rows: Array<{ label: string; value: string }> }
  /** Right-aligned lines at the end (issuer, date). */
  | { kind: 'signature'; lines: string[] }
  /** Smaller text after the signature (说明, 抄送). */
  | { kind: 'note'; text: string };

/**
 * An official document's wording and order of blocks. A changed template is a new version, never
 * an edit, so every document issued can be traced to the exact wording it was printed from.
 */
export interface DocumentTemplate {
  id: string;
  version: number;
  /** The document's name (e.g. 受理告知书), written to the file's properties; may hold placeholders too. */
  title: string;
  blocks: TemplateBlock[];
}

/** A template that cannot be rendered: malformed, or missing values for its placeholders. */
export class DocumentTemplateError extends Error {
  readonly code = 'DOCUMENT_TEMPLATE_INVALID';

  constructor(message: string) {
    super(message);
    this.name = 'DocumentTemplateError';
  }
}

/** The same placeholder syntax as SMS templates (libs/notifications): braces around anything but a name are literal. */
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

const BLOCK_KINDS: ReadonlySet<string> = new Set(['title', 'docNumber', 'addressee', 'paragraph', 'fields', 'signature', 'note']);

/** Every string of a template that may hold placeholders, in document order (the title first). */
function templateTexts(template: DocumentTemplate): string[] {
  const texts = [template.title];
  for (const block of template.blocks) {
    switch (block.kind) {
      case 'fields':
        for (const row of block.rows) texts.push(row.label, row.value);
        break;
      case 'signature':
        texts.push(...block.lines);
        break;
      case 'title':
      case 'docNumber':
      case 'addressee':
      case 'paragraph':
      case 'note':
        texts.push(block.text);
        break;
    }
  }
  return texts;
}

/** Placeholder names a template uses, each once, in order of appearance: what the host must be able to fill (checked at boot). */
export function placeholdersOf(template: DocumentTemplate): string[] {
  return [...new Set(templateTexts(template).flatMap((text) => Array.from(text.matchAll(PLACEHOLDER), (m) => m[1])))];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFilled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * What is wrong with a template's shape, one problem a string (empty when it is fine). Templates are
 * data (JSON files, database rows), so nothing is assumed about the value's type: hosts call this at
 * boot and refuse to start with a broken template rather than fail on the first petitioner.
 */
export function templateProblems(template: DocumentTemplate): string[] {
  const t: unknown = template;
  if (!isObject(t)) return ['template must be an object'];
  const problems: string[] = [];
  if (!isFilled(t.id)) problems.push('id must be a non-empty string');
  if (typeof t.version !== 'number' || !Number.isInteger(t.version) || t.version < 1) {
    problems.push(`version must be a positive integer (got ${JSON.stringify(t.version) ?? 'undefined'})`);
  }
  if (!isFilled(t.title)) problems.push('title must be a non-empty string');
  if (!Array.isArray(t.blocks) || t.blocks.length === 0) {
    problems.push('blocks must be a non-empty array');
    return problems;
  }
  t.blocks.forEach((block: unknown, i) => problems.push(...blockProblems(block, `blocks[${i}]`)));
  return problems;
}

function blockProblems(block: unknown, at: string): string[] {
  if (!isObject(block)) return [`${at} must be an object`];
  switch (block.kind) {
    case 'title':
    case 'docNumber':
    case 'addressee':
    case 'paragraph':
    case 'note':
      return isFilled(block.text) ? [] : [`${at} (${block.kind}).text must be a non-empty string`];
    case 'fields': {
      if (!Array.isArray(block.rows) || block.rows.length === 0) return [`${at} (fields).rows must be a non-empty array`];
      return block.rows.flatMap((row: unknown, j) => {
        if (!isObject(row)) return [`${at} (fields).rows[${j}] must be an object`];
        const problems: string[] = [];
        if (!isFilled(row.label)) problems.push(`${at} (fields).rows[${j}].label must be a non-empty string`);
        if (typeof row.value !== 'string') problems.push(`${at} (fields).rows[${j}].value must be a string`);
        return problems;
      });
    }
    case 'signature':
      return Array.isArray(block.lines) && block.lines.length > 0 && block.lines.every(isFilled)
        ? []
        : [`${at} (signature).lines must be a non-empty array of non-empty strings`];
    default:
      return [`${at} has unknown kind ${JSON.stringify(block.kind) ?? 'undefined'} (one of ${[...BLOCK_KINDS].join(', ')})`];
  }
}

/** Throws {@link DocumentTemplateError} listing every problem of `template`, so a broken one never reaches the DOCX writer. */
export function assertTemplate(template: DocumentTemplate): void {
  const problems = templateProblems(template);
  if (problems.length > 0) throw new DocumentTemplateError(`template ${describe(template)} is invalid: ${problems.join('; ')}`);
}

function describe(template: DocumentTemplate): string {
  const t: unknown = template;
  return isObject(t) ? `${String(t.id)} v${String(t.version)}` : String(t);
}

/**
 * `text` without the characters XML 1.0 cannot carry (C0 controls but tab and line breaks, lone
 * surrogates, U+FFFE/U+FFFF). A value pasted from elsewhere may hold one, and a single one makes
 * Word refuse the whole file.
 */
function xmlCharsOnly(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000) out += ch;
  }
  return out;
}

/**
 * `text` with every placeholder replaced by its value, as it will be printed: values inserted as they
 * are (never read for placeholders themselves), line breaks normalised to "\n", characters XML cannot
 * carry dropped. The caller has checked that every placeholder has a value.
 */
export function fill(text: string, vars: Record<string, string>): string {
  return xmlCharsOnly(text.replace(PLACEHOLDER, (_, name: string) => vars[name]).replace(/\r\n?/g, '\n'));
}

/**
 * Throws {@link DocumentTemplateError} naming every placeholder of `template` without a value in
 * `vars`. Own string properties only: `{constructor}` must not be filled from Object.prototype.
 */
export function assertVars(template: DocumentTemplate, vars: Record<string, string>): void {
  const missing = placeholdersOf(template).filter((name) => !Object.hasOwn(vars, name) || typeof vars[name] !== 'string');
  if (missing.length > 0) {
    throw new DocumentTemplateError(`template ${describe(template)} has no value for ${missing.map((name) => `{${name}}`).join(', ')}`);
  }
}
