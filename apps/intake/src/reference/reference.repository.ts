import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The seeded regions and categories, read once per process (they change only by migration). */
@Injectable()
export class ReferenceRepository {
  private cache: Promise<{ regions: Set<string>; categories: Set<string> }> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  codes(): Promise<{ regions: Set<string>; categories: Set<string> }> {
    this.cache ??= (async () => {
      const regions: Array<{ code: string }> = await this.dataSource.query(`SELECT code FROM regions`);
      const categories: Array<{ code: string }> = await this.dataSource.query(`SELECT code FROM categories`);
      return { regions: new Set(regions.map((r) => r.code)), categories: new Set(categories.map((c) => c.code)) };
    })();
    this.cache.catch(() => (this.cache = null));
    return this.cache;
  }
}
