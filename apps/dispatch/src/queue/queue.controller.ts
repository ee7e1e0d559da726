import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@petition/auth';
import { Role } from '@petition/contracts';
import { QueuePage, QueueQueryDto } from './dto/queue.dto';
import { QueueService } from './queue.service';

/** The manual queue: petitions no rule covers, flagged for leaders, or returned. */
@ApiTags('dispatch-queue')
@ApiBearerAuth()
@Controller('api/dispatch-queue')
export class QueueController {
  constructor(private readonly queue: QueueService) {}

  @Get()
  @Roles(Role.Dispatcher, Role.Supervisor)
  @ApiOperation({ summary: 'Open queue entries, most urgent triage deadline first' })
  @ApiOkResponse({ type: QueuePage })
  list(@Query() query: QueueQueryDto): Promise<QueuePage> {
    return this.queue.list(query);
  }
}
