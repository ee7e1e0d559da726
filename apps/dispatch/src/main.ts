import { startTelemetry } from '@petition/observability';

// Telemetry must patch http, express and pg before anything loads them.
startTelemetry('dispatch');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createApp } = require('./bootstrap') as typeof import('./bootstrap');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runService } = require('@petition/service-kit') as typeof import('@petition/service-kit');

void runService('dispatch', () => createApp());
