import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { trim } from '../../petitions/dto/validators';

/** `?reason=` of a contact read: why the caller needs the petitioner's data. */
export class ContactReasonQuery {
  @ApiProperty({ example: '首次联系信访人，核实诉求', description: 'Why the full contact data is needed; written to the audit log' })
  @Transform(trim)
  @IsString()
  @Length(4, 500)
  reason!: string;
}

/** A representative in full. */
export class RepresentativeContactView {
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) idNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
}

/** The petitioner's full contact data; every read is audited. */
export class PetitionContactView {
  @ApiProperty() petitionId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) idNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String }) callerNumber!: string | null;
  @ApiProperty({ type: [RepresentativeContactView] }) representatives!: RepresentativeContactView[];
}

/** One audited read. */
export class ContactAccessView {
  @ApiProperty() actor!: string;
  @ApiProperty({ type: [String] }) actorRoles!: string[];
  @ApiProperty({ nullable: true, type: String }) actorUnitId!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: [String] }) fields!: string[];
  @ApiProperty() at!: string;
}
