import { Module } from '@nestjs/common';
import type { Clock } from '@petition/clock';
import {
  HttpSmsGateway,
  LocalSmsGateway,
  NOTIFICATION_PORT,
  SmsNotificationAdapter,
  type NotificationPort,
  type SmsGateway,
} from '@petition/notifications';
import type { Logger } from 'pino';
import { CLOCK, LOGGER, SERVICE_CONFIG, type ServiceConfig } from '@petition/service-kit';
import { INTAKE_SETTINGS, type IntakeSettings } from '../config/intake-settings';
import { PetitionsModule } from '../petitions/petitions.module';
import { LocalSmsStore } from './local-sms.store';
import { NoticePlanner } from './notice-planner';
import { NoticeSender } from './notice-sender';
import { NoticeWorker } from './notice-worker';
import { NoticesController } from './notices.controller';
import { NoticesRepository } from './notices.repository';

/** The petitioner's notices (docs/notices.md): planned from the timeline, sent by SMS through the notification port. */
@Module({
  imports: [PetitionsModule],
  controllers: [NoticesController],
  providers: [
    NoticesRepository,
    LocalSmsStore,
    NoticePlanner,
    NoticeSender,
    NoticeWorker,
    {
      provide: NOTIFICATION_PORT,
      inject: [INTAKE_SETTINGS, CLOCK, LocalSmsStore, SERVICE_CONFIG, LOGGER],
      useFactory: (
        settings: IntakeSettings,
        clock: Clock,
        store: LocalSmsStore,
        config: ServiceConfig,
        logger: Logger,
      ): NotificationPort => {
        const g = settings.notices.gateway;
        if (g.kind === 'local' && config.nodeEnv === 'production')
          logger.warn('NOTICES_SMS_GATEWAY=local in production: petitioner notices are kept in intake, none reaches a phone');
        const gateway: SmsGateway =
          g.kind === 'http' ? new HttpSmsGateway({ url: g.url, token: g.token }) : new LocalSmsGateway(store, () => clock.now());
        return new SmsNotificationAdapter(gateway, () => clock.now());
      },
    },
  ],
})
export class NoticesModule {}
