// Payload classes use decorator metadata (class-transformer's @Type); load the polyfill wherever contracts load.
import 'reflect-metadata';

export * from './enums';
export * from './topics';
export * from './envelope';
export * from './errors';
export * from './event-registry';
export * from './events/deadline-ref';
export * from './events/petition-registered.event';
export * from './events/petition-assigned.event';
export * from './events/petition-queued.event';
export * from './events/work-item-opened.event';
export * from './events/work-item-accepted.event';
export * from './events/work-item-contact-recorded.event';
export * from './events/extension-requested.event';
export * from './events/extension-decided.event';
export * from './events/unit-upserted.event';
export * from './events/petition-triaged.event';
export * from './events/petition-repeat-linked.event';
export * from './events/alert-emergency.event';
export * from './events/evaluation-submitted.event';
export * from './events/appeal-requested.event';
export * from './events/assignment-return-requested.event';
export * from './events/assignment-returned.event';
export * from './events/assignment-return-rejected.event';
