import { startTelemetry } from '@petition/observability';

// Imported first by main.ts: OpenTelemetry must patch http, express and pg before they load.
startTelemetry('intake');
