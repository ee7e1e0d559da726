import {
  applyDecorators,
  createParamDecorator,
  Inject,
  Injectable,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiHeader, ApiPayloadTooLargeResponse } from '@nestjs/swagger';
import { raw } from 'express';

/** The largest upload a service reads, in bytes (`ATTACHMENT_MAX_BYTES`); provided by the module holding upload routes. */
export const RAW_UPLOAD_MAX_BYTES = Symbol('RAW_UPLOAD_MAX_BYTES');

/**
 * Reads an upload's body as raw bytes, up to the module's {@link RAW_UPLOAD_MAX_BYTES} (larger:
 * 413 PAYLOAD_TOO_LARGE before anything is stored). A guard rather than a middleware on purpose:
 * route guards run after the global authentication guard (token and roles), so an anonymous or
 * unentitled caller is refused before a single byte of a 20 MB body is read. Uploads are the file
 * itself rather than multipart or base64 JSON: nothing to decode, and the JSON limit of every
 * other endpoint stays at 1 MB. Applied by {@link ReadsRawUpload} to the upload routes only.
 */
@Injectable()
export class RawUploadGuard implements CanActivate {
  private readonly parse: ReturnType<typeof raw>;

  constructor(@Inject(RAW_UPLOAD_MAX_BYTES) maxBytes: number) {
    this.parse = raw({ type: () => true, limit: maxBytes });
  }

  canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const [req, res] = [http.getRequest(), http.getResponse()];
    return new Promise((resolve, reject) => this.parse(req, res, (err?: unknown) => (err ? reject(err) : resolve(true))));
  }
}

/** Marks an upload route: its body is read raw by {@link RawUploadGuard}, after authentication. */
export const ReadsRawUpload = () => UseGuards(RawUploadGuard);

/** An upload as the raw-body route received it. */
export interface RawUploadBody {
  /** The request body's bytes; empty when there was no body. */
  data: Buffer;
  /** The request's `Content-Type`: the type the uploader declares. */
  declaredType: string | undefined;
}

/** The body read by {@link RawUploadGuard}, with its declared type, as a handler parameter. */
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
