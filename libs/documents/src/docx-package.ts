import JSZip from 'jszip';
import { FONT_TABLE } from './docx-layout';

/*
 * docx 9 stamps the time of packing twice, with no option to give another: `new Date()` in
 * docProps/core.xml (dcterms:created and dcterms:modified), and Date.now() in every zip entry's
 * header, in the machine's local time zone (fflate). The package is therefore opened and written
 * again here, with both set to the document's issue time, so the same template, values and issue
 * time give the same bytes — and the same SHA-256 — on every machine and at every retry.
 */

/** Seconds precision, as Word writes these: the zip entries cannot keep finer than two seconds anyway. */
const w3cdtf = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** DOS dates in zip headers run from 1980 to 2107. */
const FIRST_ZIP_MS = Date.UTC(1980, 0, 1);
const LAST_ZIP_MS = Date.UTC(2107, 11, 31, 23, 59, 58);

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** word/fontTable.xml declaring our fonts with their alternatives; docx writes an empty one when nothing is embedded. */
function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${escapeXml(f.name)}">` +
      (f.altName ? `<w:altName w:val="${escapeXml(f.altName)}"/>` : '') +
      `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${W_NS}">${fonts}</w:fonts>`;
}

/** `xml` with the text of element `name` replaced; throws when it is not there exactly once (a docx upgrade changed the part). */
function setElementText(xml: string, name: string, text: string): string {
  const pattern = new RegExp(`(<${name}(?:\\s[^>]*)?>)[^<]*(</${name}>)`, 'g');
  const found = xml.match(pattern)?.length ?? 0;
  if (found !== 1) throw new Error(`docProps/core.xml has ${found} <${name}> elements, expected 1`);
  return xml.replace(pattern, (_, open: string, close: string) => `${open}${text}${close}`);
}

/**
 * The DOCX `packed` with every timestamp set to `issuedAt`, our font table, [Content_Types].xml first
 * (where tools that sniff a file's type look for it) and one fixed compression, so its bytes depend
 * only on its contents and `issuedAt`.
 * @throws RangeError when `issuedAt` is not a valid date a zip file can hold (1980–2107).
 */
export async function normalisePackage(packed: Buffer, issuedAt: Date): Promise<Buffer> {
  const ms = issuedAt instanceof Date ? issuedAt.getTime() : NaN;
  if (!(ms >= FIRST_ZIP_MS && ms <= LAST_ZIP_MS))
    throw new RangeError(`issuedAt must be a date from 1980 to 2107 (got ${String(issuedAt)})`);
  const date = new Date(ms);

  const source = await JSZip.loadAsync(packed);
  const names = Object.keys(source.files).filter((name) => !source.files[name].dir);
  names.sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));

  const out = new JSZip();
  for (const name of names) {
    let data: Uint8Array | string = await source.files[name].async('uint8array');
    if (name === 'docProps/core.xml') {
      let xml = Buffer.from(data).toString('utf8');
      xml = setElementText(xml, 'dcterms:created', w3cdtf(date));
      xml = setElementText(xml, 'dcterms:modified', w3cdtf(date));
      data = xml;
    } else if (name === 'word/fontTable.xml') {
      data = fontTableXml();
    }
    // JSZip writes DOS times in UTC, unlike fflate, so the bytes do not depend on the machine's zone.
    out.file(name, data, { date, createFolders: false });
  }
  return out.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
    streamFiles: false,
  });
}
