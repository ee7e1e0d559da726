import { ApiProperty } from '@nestjs/swagger';

/** What became of one work order. */
export class HotlineOrderResultView {
  @ApiProperty() externalOrderId!: string;
  @ApiProperty() petitionId!: string;
  @ApiProperty() trackingNo!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ description: 'False when the order had been imported before (the first registration is returned)' }) created!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Query code for the petitioner (the hotline texts it); null for an order imported before',
  })
  queryCode!: string | null;
}

/** Answer of a hotline import. */
export class HotlineImportView {
  @ApiProperty({ type: [HotlineOrderResultView] }) results!: HotlineOrderResultView[];
}
