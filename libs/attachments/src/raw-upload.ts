import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiHeader, ApiPayloadTooLargeResponse } from '@nestjs/swagger';
import { raw } from 'express';

/**
 * Reads an upload's body as raw bytes, up to `maxBytes` (larger: 413 PAYLOAD_TOO_LARGE before
 * anything is stored). Uploads are the file itself rather than multipart or base64 JSON: nothing
 * to decode, and the JSON limit of every other endpoint stays at 1 MB. Apply it to the upload
 * routes only.
 */
export function rawUploadMiddleware(maxBytes: number) {
  return raw({ type: () => true, limit: maxBytes });
}

/** An upload as the raw-body route received it. */
export interface RawUploadBody {
  /** The request body's bytes; empty when there was no body. */
  data: Buffer;
  /** The request's `Content-Type`: the type the uploader declares. */
  declaredType: string | undefined;
}

/** The body read by {@link rawUploadMiddleware}, with its declared type, as a handler parameter. */
export const RawUpload = createParamDecorator((_: unknown, ctx: ExecutionContext): RawUploadBody => {
  const req = ctx.switchToHttp().getRequest<{ body: unknown; headers: { 'content-type'?: string } }>();
  return { data: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), declaredType: req.headers['content-type'] };
});

/**
 * OpenAPI of a raw-body upload: the body is the file's bytes in one of `contentTypes`, the write
 * needs an Idempotency-Key, an empty body is 400 and one over the limit 413.
 */
export function ApiRawUpload(contentTypes: string[]) {
  return applyDecorators(
    ApiConsumes(...contentTypes),
    ApiBody({ schema: { type: 'string', format: 'binary' } }),
    ApiHeader({ name: 'Idempotency-Key', required: true }),
    ApiBadRequestResponse({ description: 'ATTACHMENT_EMPTY, VALIDATION_FAILED' }),
    ApiPayloadTooLargeResponse({ description: 'PAYLOAD_TOO_LARGE' }),
  );
}
