/** Stable codes of authentication and authorisation failures. */
export enum AuthErrorCode {
  Unauthenticated = 'AUTH_UNAUTHENTICATED',
  Forbidden = 'AUTH_FORBIDDEN',
}

/** An authentication or authorisation failure; the HTTP filter maps it to 401 or 403. */
export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}
