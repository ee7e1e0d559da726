import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ApiErrorBody } from '@petition/contracts';
import { IntakeUnavailableError } from './petitioner-contact.errors';

/**
 * Answers 502 when intake cannot be reached: the shared error filter knows only 4xx domain
 * errors, and a gateway failure is neither the caller's fault nor an internal error of handling.
 */
@Catch(IntakeUnavailableError)
export class IntakeUnavailableFilter implements ExceptionFilter {
  catch(exception: IntakeUnavailableError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void } }>();
    const body: ApiErrorBody = { statusCode: HttpStatus.BAD_GATEWAY, code: exception.code, message: exception.message, details: [{ field: 'intake', reason: exception.reason }] };
    response.status(HttpStatus.BAD_GATEWAY).json(body);
  }
}
