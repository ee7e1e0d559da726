/** Thrown by TopicRegistry.create() for a name that exists or is being created. */
export class TopicExistsError extends Error {
  constructor(name: string) {
    super(`topic "${name}" already exists`);
    this.name = 'TopicExistsError';
  }
}
