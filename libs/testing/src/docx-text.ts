import mammoth from 'mammoth';

/**
 * The text of a DOCX as a reader sees it, opened with a parser of its own (mammoth) rather than
 * with the code that wrote it: paragraphs joined with "\n", each table cell's paragraphs as
 * paragraphs. For asserting on generated documents, e.g. `expect(await docxText(body)).toContain('张三')`.
 */
export async function docxText(bytes: Buffer): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  // mammoth ends every paragraph with a blank line ("\n\n").
  return value.replace(/\n\n/g, '\n').replace(/\n$/, '');
}
