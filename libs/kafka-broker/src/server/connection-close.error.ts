/**
 * Thrown by a handler when the protocol's answer is to close the connection, e.g. a failed
 * acks=0 produce: the client gets no response, so Kafka closes the socket to make it notice.
 */
export class ConnectionCloseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectionCloseError';
  }
}
