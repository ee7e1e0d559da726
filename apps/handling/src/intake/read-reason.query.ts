import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** `?reason=` of every read handling makes from intake on its staff's behalf: intake logs it with the read. */
export class ReadReasonQuery {
  @ApiProperty({
    example: '首次联系信访人，核实诉求',
    description: 'Why it is read (4–500 characters); intake records it with the read',
  })
  @Transform(trim)
  @IsString()
  @Length(4, 500)
  reason!: string;
}
