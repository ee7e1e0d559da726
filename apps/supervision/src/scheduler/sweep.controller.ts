import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@petition/auth';
import { Role } from '@petition/contracts';
import { SkipIdempotency } from '@petition/service-kit';
import { SweepService } from './sweep.service';

/** What `POST /internal/sweep` returns. */
export class SweepReportView {
  @ApiProperty({ description: 'Deadlines looked at' }) deadlines!: number;
  @ApiProperty({ description: 'Warnings, overdue flags and ladder steps fired' }) fired!: number;
  @ApiProperty({ description: 'Review windows (review_request) whose end was recorded: review_window.ended' }) reviewWindowsEnded!: number;
}

/** Runs the deadline sweep now (operations and tests); it also runs on its own interval. */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('internal/sweep')
export class SweepController {
  constructor(private readonly sweeps: SweepService) {}

  @Post()
  @HttpCode(200)
  @Roles(Role.Admin)
  @SkipIdempotency()
  @ApiOperation({ summary: 'Sweep deadlines now, until nothing is due (admin); safe to call on any instance at any time' })
  @ApiOkResponse({ type: SweepReportView })
  sweep(): Promise<SweepReportView> {
    return this.sweeps.sweep();
  }
}
