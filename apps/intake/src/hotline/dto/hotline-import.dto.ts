import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsString, Matches, ValidateNested } from 'class-validator';
import { PetitionFieldsDto } from '../../petitions/dto/petition-fields.dto';
import { trim } from '../../petitions/dto/validators';

/** One 12345 hotline work order (工单). */
export class HotlineOrderDto extends PetitionFieldsDto {
  @ApiProperty({
    example: 'GZ12345-20261122-000123',
    description: 'The hotline system’s order id; importing it again returns the first registration',
  })
  @Transform(trim)
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{4,64}$/, { message: 'externalOrderId must be 4–64 letters, digits, _ . : -' })
  externalOrderId!: string;

  @ApiProperty({ example: '2026-11-22T09:30:00+08:00', description: 'When the hotline took the call' })
  @IsISO8601({ strict: true })
  receivedAt!: string;
}

/** Body of `POST /api/petitions/hotline-imports`: a batch of work orders. */
export class HotlineImportDto {
  @ApiProperty({ type: [HotlineOrderDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => HotlineOrderDto)
  orders!: HotlineOrderDto[];
}
