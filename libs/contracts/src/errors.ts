/** One field-level reason in an API error. */
export interface ErrorDetail {
  field: string;
  reason: string;
}

/** The body of every API error: a stable code, a readable message, and per-field details. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details: ErrorDetail[];
  traceId?: string;
}

/** A page of a list endpoint: `?limit=&cursor=` → `{ items, nextCursor }`. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
