import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { KAFKA, SERVICE_CONFIG } from '../tokens';
import type { ServiceConfig } from '../config/service-config';

/** Result of a health check. */
export interface HealthReport {
  status: 'ok' | 'degraded';
  service: string;
  checks: { database: 'up' | 'down'; kafka: 'up' | 'down' };
}

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

/** Checks the database and Kafka with short timeouts, reusing one admin connection. */
@Injectable()
export class HealthService implements OnApplicationShutdown {
  private admin: Admin | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, kafka] = await Promise.all([this.checkDatabase(), this.checkKafka()]);
    return { status: database === 'up' && kafka === 'up' ? 'ok' : 'degraded', service: this.config.service, checks: { database, kafka } };
  }

  private async checkDatabase(): Promise<'up' | 'down'> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), 2000);
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async checkKafka(): Promise<'up' | 'down'> {
    try {
      if (!this.admin) {
        this.admin = this.kafka.admin();
        await withTimeout(this.admin.connect(), 2000);
      }
      await withTimeout(this.admin.describeCluster(), 2000);
      return 'up';
    } catch {
      const admin = this.admin;
      this.admin = null;
      await admin?.disconnect().catch(() => undefined);
      return 'down';
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }
}
