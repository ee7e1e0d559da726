import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { PublicRateLimitedError } from './public.errors';

/** Adds `Retry-After` to a rate-limited answer; the error itself stays free of HTTP. */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (err instanceof PublicRateLimitedError)
          context
            .switchToHttp()
            .getResponse<{ setHeader(name: string, value: string): void }>()
            .setHeader('Retry-After', String(err.retryAfterSeconds));
        return throwError(() => err);
      }),
    );
  }
}
