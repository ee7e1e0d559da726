import { Controller, Get, Headers, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { ReadReasonQuery } from '../intake/read-reason.query';
import { CaseFileView } from './dto/case-file.dto';
import { ReadCaseFileUseCase } from './usecases/read-case-file.usecase';

/** The whole petition for the units that handle it (lead and co-handlers), from intake (logged there). */
@ApiTags('case-file')
@ApiBearerAuth()
@Controller('api/work-items')
export class CaseFileController {
  constructor(private readonly caseFile: ReadCaseFileUseCase) {}

  @Get(':id/case-file')
  @Roles(Role.Handler, Role.UnitHead)
  @ApiOperation({
    summary: 'The whole petition of a work item: content, attachments, representatives (masked), linked petitions; `reason` required',
  })
  @ApiOkResponse({ type: CaseFileView })
  @ApiNotFoundResponse({
    description: 'WORK_ITEM_NOT_FOUND — also for other units’ items and returned ones (audited); PETITION_NOT_FOUND from intake',
  })
  @ApiBadGatewayResponse({ description: 'INTAKE_UNAVAILABLE: intake is down, slow or failing' })
  read(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: ReadReasonQuery,
    @Headers('authorization') authorization: string,
    @CurrentUser() user: StaffUser,
  ): Promise<CaseFileView> {
    return this.caseFile.read(user, id, query.reason, authorization);
  }

  @Get(':id/case-file/attachments/:attachmentId')
  @Roles(Role.Handler, Role.UnitHead)
  @ApiOperation({ summary: "One of the petitioner's attachments, through intake (logged there); `reason` required" })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'WORK_ITEM_NOT_FOUND (as for the case file); ATTACHMENT_NOT_FOUND from intake' })
  @ApiBadGatewayResponse({ description: 'INTAKE_UNAVAILABLE' })
  async attachment(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('attachmentId', new ParseUUIDPipe()) attachmentId: string,
    @Query() query: ReadReasonQuery,
    @Headers('authorization') authorization: string,
    @CurrentUser() user: StaffUser,
  ): Promise<StreamableFile> {
    const file = await this.caseFile.attachment(user, id, attachmentId, query.reason, authorization);
    return new StreamableFile(file.data, {
      type: file.contentType,
      length: file.data.length,
      disposition: file.disposition ?? 'attachment',
    });
  }
}
