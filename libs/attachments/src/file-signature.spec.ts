import { AttachmentType, checkUploadType, declaredType, sniffType } from './file-signature';

describe('sniffType', () => {
  it.each([
    [Buffer.from('%PDF-1.7\n...'), AttachmentType.Pdf],
    [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), AttachmentType.Jpeg],
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), AttachmentType.Png],
    [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), AttachmentType.Doc],
    [
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....word/document.xml')]),
      AttachmentType.Docx,
    ],
    [Buffer.from('#!AMR\n\u0000'), AttachmentType.Amr],
    [Buffer.from('ID3\u0004\u0000'), AttachmentType.Mp3],
    [Buffer.from([0xff, 0xfb, 0x90, 0x64]), AttachmentType.Mp3],
  ])('recognises %#', (bytes, type) => expect(sniffType(bytes)).toBe(type));

  it('refuses what is none of them: an executable, a plain ZIP, text', () => {
    expect(sniffType(Buffer.from('MZ\u0090\u0000'))).toBeNull();
    expect(sniffType(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('payload.exe')]))).toBeNull();
    expect(sniffType(Buffer.from('<script>alert(1)</script>'))).toBeNull();
    expect(sniffType(Buffer.alloc(0))).toBeNull();
  });
});

describe('declaredType', () => {
  it('reads content types with parameters and common aliases', () => {
    expect(declaredType('application/pdf; charset=binary')).toBe(AttachmentType.Pdf);
    expect(declaredType('image/jpg')).toBe(AttachmentType.Jpeg);
    expect(declaredType('application/x-msdownload')).toBeNull();
    expect(declaredType(undefined)).toBeNull();
  });
});

describe('checkUploadType', () => {
  const pdf = Buffer.from('%PDF-1.7\n...');
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);

  it('records what the bytes are when the declared type agrees, or when none or octet-stream is declared', () => {
    expect(checkUploadType(pdf, 'application/pdf')).toEqual({ ok: true, type: AttachmentType.Pdf });
    expect(checkUploadType(png, 'application/octet-stream')).toEqual({ ok: true, type: AttachmentType.Png });
    expect(checkUploadType(png, undefined)).toEqual({ ok: true, type: AttachmentType.Png });
  });

  it('refuses bytes that contradict the declared type, and bytes of no accepted type', () => {
    expect(checkUploadType(png, 'application/pdf')).toEqual({
      ok: false,
      problem: 'mismatch',
      declared: 'application/pdf',
      actual: AttachmentType.Png,
    });
    expect(checkUploadType(Buffer.from('<html><script>alert(1)</script>'), 'application/pdf')).toEqual({
      ok: false,
      problem: 'not_allowed',
    });
    expect(checkUploadType(Buffer.from('<html><script>alert(1)</script>'), 'text/html')).toEqual({ ok: false, problem: 'not_allowed' });
  });
});
