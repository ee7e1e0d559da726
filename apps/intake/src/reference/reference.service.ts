import { Injectable } from '@nestjs/common';
import { ValidationFailedError, type FieldReason } from '@petition/service-kit';
import { ReferenceRepository } from './reference.repository';

/** Checks codes against the administrative-division directory and the category taxonomy. */
@Injectable()
export class ReferenceService {
  constructor(private readonly repository: ReferenceRepository) {}

  /** Field reasons for unknown codes (empty when both are known); `prefix` names the field path. */
  async problems(regionCode: string, categoryCode: string, prefix = ''): Promise<FieldReason[]> {
    const { regions, categories } = await this.repository.codes();
    const out: FieldReason[] = [];
    if (!regions.has(regionCode)) out.push({ field: `${prefix}regionCode`, reason: `unknown administrative division ${regionCode}` });
    if (!categories.has(categoryCode)) out.push({ field: `${prefix}categoryCode`, reason: `unknown category ${categoryCode}` });
    return out;
  }

  /** @throws ValidationFailedError when the region or category is unknown. */
  async assertKnown(regionCode: string, categoryCode: string): Promise<void> {
    const problems = await this.problems(regionCode, categoryCode);
    if (problems.length) throw new ValidationFailedError(problems);
  }
}
