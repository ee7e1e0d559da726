import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** `?reason=` of `GET /api/work-items/:id/petitioner-contact`: written to intake's audit log. */
export class PetitionerContactQuery {
  @ApiProperty({
    example: '首次联系信访人，核实诉求',
    description: 'Why the full contact data is needed (4–500 characters); intake records it',
  })
  @Transform(trim)
  @IsString()
  @Length(4, 500)
  reason!: string;
}

/** A representative of a collective petition, in full. */
export class RepresentativeContactView {
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) idNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
}

/** The petitioner's full contact data as intake returns it; never stored by handling. */
export class PetitionerContactView {
  @ApiProperty() petitionId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) idNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String }) callerNumber!: string | null;
  @ApiProperty({ type: [RepresentativeContactView] }) representatives!: RepresentativeContactView[];
}
