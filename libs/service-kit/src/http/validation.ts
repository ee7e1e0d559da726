import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidationFailedError, type FieldReason } from '../domain-error';

/** Flattens nested class-validator errors into dotted field paths (`petitioners.0.idNumber`). */
export function toFieldReasons(errors: ValidationError[], prefix = ''): FieldReason[] {
  const out: FieldReason[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const reason of Object.values(e.constraints ?? {})) out.push({ field, reason });
    if (e.children?.length) out.push(...toFieldReasons(e.children, field));
  }
  return out;
}

/**
 * Validates every body, query and param against its DTO: unknown fields are refused (they are
 * usually typos that would otherwise be silently dropped), values are transformed to their DTO
 * types, and failures carry every field's reasons.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(toFieldReasons(errors)),
  });
}
