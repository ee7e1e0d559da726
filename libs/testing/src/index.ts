export * from './test-stack';
export * from './eventually';
export * from './tokens';
export * from './service-harness';
export * from './service-process';
export * from './bench';
export * from './clock-env';
export * from './binary-body';
