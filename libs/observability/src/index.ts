export * from './telemetry';
export * from './http-tracing';
export * from './logger';
export * from './nest-logger';
export * from './metrics';
