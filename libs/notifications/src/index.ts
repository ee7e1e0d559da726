export * from './notification.port';
export * from './sms/sms-gateway';
export * from './sms/sms-notification.adapter';
export * from './sms/local-sms.gateway';
export * from './sms/http-sms.gateway';
export * from './template';
export * from './retry-schedule';
