/**
 * Thrown while decoding a request whose bytes do not match the grammar of its API version.
 * The connection that sent it is closed; no other connection is affected.
 */
export class MalformedRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedRequestError';
  }
}
