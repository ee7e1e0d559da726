import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { Track } from '@petition/contracts';

/** Body of `POST /api/assignments`: a dispatcher assigns a queued petition. */
export class ManualAssignmentDto {
  @ApiProperty() @IsUUID() petitionId!: string;
  @ApiProperty() @IsUUID() leadUnitId!: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  coHandlerUnitIds?: string[];
  @ApiProperty({ enum: Track }) @IsEnum(Track) track!: Track;
  @ApiPropertyOptional({ example: '请属地街道牵头，三日内联系信访人' }) @IsOptional() @IsString() @Length(1, 2000) instructions?: string;
}
