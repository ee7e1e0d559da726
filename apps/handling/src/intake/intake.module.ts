import { Global, Module, type DynamicModule } from '@nestjs/common';
import { HANDLING_SETTINGS, type HandlingSettings } from '../config/handling-settings';
import { IntakeClient } from './intake-client';

/** The audited reads handling makes from intake on its staff's behalf (contact data, the case file). */
@Global()
@Module({})
export class IntakeModule {
  static forRoot(settings: HandlingSettings): DynamicModule {
    return { module: IntakeModule, providers: [{ provide: HANDLING_SETTINGS, useValue: settings }, IntakeClient], exports: [IntakeClient] };
  }
}
