import { Global, Module, type DynamicModule } from '@nestjs/common';
import { RESPONSE_SEALER } from '@petition/service-kit';
import type { PiiSettings } from '../config/intake-settings';
import { PiiCipher } from './pii-cipher';
import { QueryCodeSealer } from './query-code-sealer';

/** Provides the {@link PiiCipher}, and the sealer that keeps query codes out of stored answers in clear. */
@Global()
@Module({})
export class PiiModule {
  static forRoot(settings: PiiSettings): DynamicModule {
    return {
      module: PiiModule,
      providers: [
        { provide: PiiCipher, useFactory: () => new PiiCipher(settings.keys, settings.activeKeyId, settings.hashKey) },
        { provide: RESPONSE_SEALER, useFactory: (pii: PiiCipher) => new QueryCodeSealer(pii), inject: [PiiCipher] },
      ],
      exports: [PiiCipher, RESPONSE_SEALER],
    };
  }
}
