import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@petition/auth';
import { Role } from '@petition/contracts';
import { afterTimeAndId, keysetPage } from '@petition/service-kit';
import { PetitionNotFoundError } from '../petitions/petitions.errors';
import { PetitionsRepository } from '../petitions/petitions.repository';
import { NoticeQuery } from './dto/notice.query';
import { NoticePage, NoticeView } from './dto/notice.view';
import { NoticesRepository } from './notices.repository';

/** What the petitioners were told, for the staff who answer them. */
@ApiTags('notices')
@ApiBearerAuth()
@Controller('api')
export class NoticesController {
  constructor(
    private readonly notices: NoticesRepository,
    private readonly petitions: PetitionsRepository,
  ) {}

  @Get('petitions/:id/notices')
  @Roles(Role.Clerk, Role.Supervisor)
  @ApiOperation({ summary: 'The notices sent (or being sent) to the petitioner of one petition, oldest first' })
  @ApiOkResponse({ type: [NoticeView] })
  @ApiNotFoundResponse({ description: 'PETITION_NOT_FOUND' })
  async forPetition(@Param('id', new ParseUUIDPipe()) id: string): Promise<NoticeView[]> {
    if (!(await this.petitions.findById(id))) throw new PetitionNotFoundError(id);
    return (await this.notices.forPetition(id)).map(NoticeView.from);
  }

  @Get('notices')
  @Roles(Role.Clerk, Role.Supervisor)
  @ApiOperation({ summary: 'Notices across petitions, newest first; status=failed or no_recipient lists who must be told in writing' })
  @ApiOkResponse({ type: NoticePage })
  async list(@Query() query: NoticeQuery): Promise<NoticePage> {
    const limit = query.limit ?? 50;
    const rows = await this.notices.list(limit + 1, afterTimeAndId(query.cursor), query.status);
    return keysetPage(rows, limit, NoticeView.from, (n) => [n.createdAt.toISOString(), n.id]);
  }
}
