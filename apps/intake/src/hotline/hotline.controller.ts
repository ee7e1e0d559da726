import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { HotlineImportDto } from './dto/hotline-import.dto';
import { HotlineImportView } from './dto/hotline-import.view';
import { HotlineService } from './hotline.service';

/** Bulk import of 12345 hotline work orders. */
@ApiTags('hotline')
@ApiBearerAuth()
@Controller('api/petitions/hotline-imports')
export class HotlineController {
  constructor(private readonly hotline: HotlineService) {}

  @Post()
  @HttpCode(200)
  @Roles(Role.Clerk)
  @ApiOperation({ summary: 'Import 12345 work orders; idempotent on the external order id' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOkResponse({ type: HotlineImportView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with orders.<i>.<field> details; nothing imported' })
  import(@Body() body: HotlineImportDto, @CurrentUser() user: StaffUser): Promise<HotlineImportView> {
    return this.hotline.import(body, user);
  }
}
