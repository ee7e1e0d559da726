import './telemetry';
import { runService } from '@petition/service-kit';
import { createApp } from './bootstrap';

void runService('intake', () => createApp());
