export * from './staff-user';
export * from './decorators';
export * from './jwt';
export * from './jwt-auth.guard';
export * from './auth.errors';
