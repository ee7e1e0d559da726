import { applyDecorators, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

/**
 * A download response: the bytes with their recorded type and length, offered as a file under
 * its original name (RFC 5987 encoding, so Chinese names survive).
 */
export function attachmentFile(data: Buffer, meta: { contentType: string; fileName: string }): StreamableFile {
  return new StreamableFile(data, {
    type: meta.contentType,
    length: data.length,
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`,
  });
}

/** OpenAPI of a download answered with {@link attachmentFile}. */
export function ApiAttachmentDownload() {
  return applyDecorators(ApiProduces('application/octet-stream'), ApiOkResponse({ schema: { type: 'string', format: 'binary' } }));
}
