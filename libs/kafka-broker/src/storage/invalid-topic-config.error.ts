/** A config entry with a value Kafka would refuse (INVALID_CONFIG). */
export class InvalidTopicConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTopicConfigError';
  }
}
