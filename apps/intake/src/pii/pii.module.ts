import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { PiiSettings } from '../config/intake-settings';
import { PiiCipher } from './pii-cipher';

/** Provides the {@link PiiCipher}. */
@Global()
@Module({})
export class PiiModule {
  static forRoot(settings: PiiSettings): DynamicModule {
    return {
      module: PiiModule,
      providers: [{ provide: PiiCipher, useFactory: () => new PiiCipher(settings.keys, settings.activeKeyId, settings.hashKey) }],
      exports: [PiiCipher],
    };
  }
}
