import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { docxText } from '@petition/testing';
import { DocumentTemplateError, type DocumentTemplate } from './document-template';
import { DOCX_CONTENT_TYPE, renderDocument } from './render-document';

/** Every block kind once, placeholders in each. */
const accepted: DocumentTemplate = {
  id: 'petition.acceptance-notice',
  version: 3,
  title: '{unitName}受理告知书',
  blocks: [
    { kind: 'title', text: '受理告知书' },
    { kind: 'docNumber', text: '编号：{trackingNo}' },
    { kind: 'addressee', text: '{petitionerName}：' },
    { kind: 'paragraph', text: '你于{receivedDate}提出的信访事项（{subject}），本机关已依法受理。\n{handlingNote}' },
    {
      kind: 'fields',
      rows: [
        { label: '信访事项编号', value: '{trackingNo}' },
        { label: '承办单位', value: '{unitName}' },
        { label: '备注', value: '{remark}' },
      ],
    },
    { kind: 'signature', lines: ['{unitName}', '{issuedDate}'] },
    { kind: 'note', text: '说明：如对处理意见不服，可自收到书面答复之日起三十日内请求复查。\n抄送：{copyTo}' },
  ],
};

const vars = {
  unitName: '某市某区住房和城乡建设局',
  trackingNo: '440106-20261207-000042',
  petitionerName: '张三',
  receivedDate: '2026年12月6日',
  subject: '小区 <加装电梯> & 噪声',
  handlingNote: '本机关将在六十日内办结并书面答复。',
  remark: '',
  issuedDate: '2026年12月7日',
  copyTo: '市信访局',
  unused: '不会出现',
};

const issuedAt = new Date('2026-12-07T01:30:00Z');

describe('renderDocument', () => {
  it('renders every block kind, in order, as a parser reads the DOCX', async () => {
    const doc = await renderDocument(accepted, vars, issuedAt);
    expect(doc.templateId).toBe('petition.acceptance-notice');
    expect(doc.templateVersion).toBe(3);
    expect(doc.bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(doc.sha256).toBe(createHash('sha256').update(doc.bytes).digest('hex'));
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);

    const parsed = await docxText(doc.bytes);
    const expectedInOrder = [
      '受理告知书',
      '编号：440106-20261207-000042',
      '张三：',
      '你于2026年12月6日提出的信访事项（小区 <加装电梯> & 噪声），本机关已依法受理。',
      '本机关将在六十日内办结并书面答复。',
      '信访事项编号',
      '440106-20261207-000042',
      '承办单位',
      '某市某区住房和城乡建设局',
      '备注',
      '—',
      '某市某区住房和城乡建设局',
      '2026年12月7日',
      '说明：如对处理意见不服，可自收到书面答复之日起三十日内请求复查。',
      '抄送：市信访局',
    ];
    let from = 0;
    for (const piece of expectedInOrder) {
      const at = parsed.indexOf(piece, from);
      expect({ piece, found: at >= 0 }).toEqual({ piece, found: true });
      from = at + piece.length;
    }
    expect(parsed).not.toContain('{');
    expect(parsed).not.toContain('不会出现');
  });

  it('reports the text paragraph by paragraph, table rows as "label：value"', async () => {
    const doc = await renderDocument(accepted, vars, issuedAt);
    expect(doc.text).toBe(
      [
        '受理告知书',
        '编号：440106-20261207-000042',
        '张三：',
        '你于2026年12月6日提出的信访事项（小区 <加装电梯> & 噪声），本机关已依法受理。',
        '本机关将在六十日内办结并书面答复。',
        '信访事项编号：440106-20261207-000042',
        '承办单位：某市某区住房和城乡建设局',
        '备注：—',
        '某市某区住房和城乡建设局',
        '2026年12月7日',
        '说明：如对处理意见不服，可自收到书面答复之日起三十日内请求复查。',
        '抄送：市信访局',
      ].join('\n'),
    );
  });

  it('gives text that is exactly what a parser reads, for documents without a table', async () => {
    const letter: DocumentTemplate = { ...accepted, blocks: accepted.blocks.filter((b) => b.kind !== 'fields') };
    const doc = await renderDocument(letter, vars, issuedAt);
    expect(await docxText(doc.bytes)).toBe(doc.text);
  });

  it('starts a new paragraph with the same style at each "\\n" of a rendered paragraph', async () => {
    const t: DocumentTemplate = { id: 't', version: 1, title: 'T', blocks: [{ kind: 'paragraph', text: '{body}' }] };
    const doc = await renderDocument(t, { body: '第一段。\r\n第二段。' }, issuedAt);
    expect(doc.text).toBe('第一段。\n第二段。');
    expect(await docxText(doc.bytes)).toBe('第一段。\n第二段。');
    const xml = await part(doc.bytes, 'word/document.xml');
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>/g) ?? [];
    expect(paragraphs).toHaveLength(2);
    for (const p of paragraphs) expect(p).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>');
  });

  it('shows "—" for a field whose rendered value is empty or blank', async () => {
    const t: DocumentTemplate = {
      id: 't',
      version: 1,
      title: 'T',
      blocks: [
        {
          kind: 'fields',
          rows: [
            { label: '联系电话', value: '{phone}' },
            { label: '固定值', value: '' },
            { label: '地址：', value: '{a}' },
          ],
        },
      ],
    };
    const doc = await renderDocument(t, { phone: '  ', a: '某路1号' }, issuedAt);
    expect(doc.text).toBe('联系电话：—\n固定值：—\n地址：某路1号');
    expect(await docxText(doc.bytes)).toBe('联系电话\n—\n固定值\n—\n地址：\n某路1号\n');
  });

  it('names every missing placeholder, including ones Object.prototype would answer', async () => {
    const { petitionerName: _p, copyTo: _c, ...partial } = vars;
    const error = await renderDocument(accepted, partial, issuedAt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentTemplateError);
    expect(error).toMatchObject({
      code: 'DOCUMENT_TEMPLATE_INVALID',
      message: 'template petition.acceptance-notice v3 has no value for {petitionerName}, {copyTo}',
    });
    const t: DocumentTemplate = { id: 't', version: 1, title: 'T', blocks: [{ kind: 'note', text: '{constructor}{toString}' }] };
    await expect(renderDocument(t, {}, issuedAt)).rejects.toThrow('template t v1 has no value for {constructor}, {toString}');
  });

  it('refuses a malformed template with every problem', async () => {
    const bad = { id: 't', version: 0, title: '', blocks: [{ kind: 'heading', text: 'x' }] } as unknown as DocumentTemplate;
    await expect(renderDocument(bad, {}, issuedAt)).rejects.toThrow(
      /^template t v0 is invalid: version must be a positive integer \(got 0\); title must be .*; blocks\[0\] has unknown kind "heading"/,
    );
  });

  it('gives byte-identical output for the same template, vars and issuedAt, later and in another time zone', async () => {
    const a = await renderDocument(accepted, vars, issuedAt);
    await new Promise((r) => setTimeout(r, 2100)); // past a zip timestamp's 2-second step
    const zone = process.env.TZ;
    process.env.TZ = zone === 'America/Los_Angeles' ? 'Asia/Kolkata' : 'America/Los_Angeles';
    try {
      const b = await renderDocument(accepted, { ...vars }, new Date(issuedAt.getTime()));
      expect(b.sha256).toBe(a.sha256);
      expect(b.bytes.equals(a.bytes)).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('gives different output for a different issuedAt, which every timestamp in the file carries', async () => {
    const later = new Date('2027-01-02T03:04:06Z');
    const a = await renderDocument(accepted, vars, issuedAt);
    const b = await renderDocument(accepted, vars, later);
    expect(b.sha256).not.toBe(a.sha256);
    expect(b.text).toBe(a.text);

    const core = await part(b.bytes, 'docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2027-01-02T03:04:06Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2027-01-02T03:04:06Z</dcterms:modified>');
    expect(core).toContain('<dc:title>某市某区住房和城乡建设局受理告知书</dc:title>');
    const zip = await JSZip.loadAsync(b.bytes);
    const entries = Object.values(zip.files);
    expect(entries[0].name).toBe('[Content_Types].xml');
    for (const entry of entries) expect(entry.date.toISOString()).toBe('2027-01-02T03:04:06.000Z');
  });

  it('lays the page out after GB/T 9704 and declares the fonts with their fallbacks, embedding none', async () => {
    const doc = await renderDocument(accepted, vars, issuedAt);
    const xml = await part(doc.bytes, 'word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain(
      '<w:rFonts w:ascii="方正小标宋简体" w:cs="方正小标宋简体" w:eastAsia="方正小标宋简体" w:hAnsi="方正小标宋简体"/><w:b/><w:bCs/><w:sz w:val="44"/>',
    );
    expect(xml).toContain(
      '<w:rFonts w:ascii="仿宋_GB2312" w:cs="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/>',
    );
    const fonts = await part(doc.bytes, 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="SimSun"/>');
    expect(fonts).not.toContain('embed');
  });

  it('drops characters XML cannot carry instead of writing a file Word refuses', async () => {
    const t: DocumentTemplate = { id: 't', version: 1, title: 'T', blocks: [{ kind: 'addressee', text: '{name}：' }] };
    const doc = await renderDocument(t, { name: '李\u0000四\u0007\uD800' }, issuedAt);
    expect(doc.text).toBe('李四：');
    expect(await docxText(doc.bytes)).toBe('李四：');
  });

  it('refuses an issuedAt that is not a date a zip file can hold', async () => {
    const t: DocumentTemplate = { id: 't', version: 1, title: 'T', blocks: [{ kind: 'title', text: 'T' }] };
    await expect(renderDocument(t, {}, new Date(NaN))).rejects.toBeInstanceOf(RangeError);
    await expect(renderDocument(t, {}, new Date('1979-12-31T00:00:00Z'))).rejects.toBeInstanceOf(RangeError);
  });

  it('is served as a Word document', () => {
    expect(DOCX_CONTENT_TYPE).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });
});

async function part(bytes: Buffer, name: string): Promise<string> {
  const file = (await JSZip.loadAsync(bytes)).file(name);
  if (file === null) throw new Error(`no ${name} in the package`);
  return file.async('string');
}
