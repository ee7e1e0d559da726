import { ApiProperty } from '@nestjs/swagger';
import { Channel, Nature, PetitionStatus, toOffsetIso } from '@petition/contracts';
import type { PetitionEntity } from '../entities/petition.entity';

/** A petition as staff lists show it: PII masked. */
export class PetitionView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '440106-20261122-000001' }) trackingNo!: string;
  @ApiProperty({ enum: Channel }) channel!: Channel;
  @ApiProperty({ enum: Nature }) nature!: Nature;
  @ApiProperty({ enum: PetitionStatus }) status!: PetitionStatus;
  @ApiProperty() title!: string;
  @ApiProperty() content!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty({ example: '张*' }) petitionerNameMasked!: string;
  @ApiProperty() headcount!: number;
  @ApiProperty() emergency!: boolean;
  @ApiProperty({ example: '2026-11-22T10:00:00+08:00' }) registeredAt!: string;

  static from(p: PetitionEntity): PetitionView {
    return {
      id: p.id,
      trackingNo: p.trackingNo,
      channel: p.channel,
      nature: p.nature,
      status: p.status,
      title: p.title,
      content: p.content,
      categoryCode: p.categoryCode,
      regionCode: p.regionCode,
      petitionerNameMasked: p.petitionerNameMasked,
      headcount: p.headcount,
      emergency: p.emergency,
      registeredAt: toOffsetIso(p.registeredAt),
    };
  }
}

/** A page of petitions. */
export class PetitionPage {
  @ApiProperty({ type: [PetitionView] }) items!: PetitionView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
