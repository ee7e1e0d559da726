import { ApiProperty } from '@nestjs/swagger';

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
