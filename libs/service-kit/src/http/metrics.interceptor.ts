import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { tap, type Observable } from 'rxjs';
import type { ServiceMetrics } from '@petition/observability';

/** Records each HTTP request's duration by route template (not raw path, to keep labels bounded). */
export class MetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: ServiceMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<{ method: string; route?: { path?: string } }>();
    const end = this.metrics.httpDuration.startTimer({ method: req.method, route: req.route?.path ?? 'unknown' });
    const done = () => end({ status: String(http.getResponse<{ statusCode: number }>().statusCode) });
    return next.handle().pipe(tap({ next: done, error: done }));
  }
}
