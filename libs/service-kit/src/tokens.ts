/** DI tokens of the service kit. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const CLOCK = Symbol('CLOCK');
export const LOGGER = Symbol('LOGGER');
export const KAFKA = Symbol('KAFKA');
