import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@petition/auth';
import { Role } from '@petition/contracts';
import { BacklogQueryDto, RangeQueryDto, RepeatsQueryDto, VolumeQueryDto } from './dto/stats-query.dto';
import { StatsService } from './stats.service';

/** The leaders' and analysts' dashboard. Read-only; every number comes from the read models. */
@ApiTags('stats')
@ApiBearerAuth()
@Controller('api/stats')
@Roles(Role.Analyst, Role.Supervisor, Role.Admin)
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('volume')
  @ApiOperation({
    summary:
      'Petitions per day/week/month, optionally by channel, category, nature, region (one level below regionCode) or lead unit, with change against the previous equal period',
  })
  @ApiOkResponse({
    description:
      '{ petitions, collective, emergencyPetitions, emergencyAlerts, repeats (each { total, previous, change, changeRate }), series, breakdown }',
  })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED with field reasons (bad date, from after to, range over 1096 days, daily series over 366 days)',
  })
  volume(@Query() query: VolumeQueryDto) {
    return this.stats.volume(query);
  }

  @Get('backlog')
  @ApiOperation({
    summary: 'Open matters by age (积案: over 30/60/90/180 days) as of the service clock, overall and per lead unit',
    description:
      'Ages are whole calendar days in Asia/Shanghai: a matter is over N days when it was registered before the day N days before the day of `asOf` (registered 2026-10-01, as of 2026-10-31: 30 days, not over 30). `oldestDays` is counted the same way.',
  })
  @ApiOkResponse({
    description:
      '{ asOf, open, over30, over60, over90, over180, byUnit: [{ unitId, unitName, open, over30, over60, over90, over180, oldestDays }] }',
  })
  backlog(@Query() query: BacklogQueryDto) {
    return this.stats.backlog(query);
  }

  @Get('repeats')
  @ApiOperation({
    summary:
      'Repeat petitions (重复信访), the matters repeated most, and petitioners (pseudonymous refs) with two or more petitions in the range',
  })
  @ApiOkResponse({
    description: '{ petitions, repeatPetitions, repeatShare, repeatPetitioners, topRepeatedMatters, topRepeatPetitioners }',
  })
  repeats(@Query() query: RepeatsQueryDto) {
    return this.stats.repeats(query);
  }

  @Get('triage-outcomes')
  @ApiOperation({
    summary: 'Petitions received in the range by how triage handled them: 交办, 告知, 转送, 不再受理, 重复, 当场答复, or still pending',
  })
  @ApiOkResponse({ description: '{ from, to, regionCode, total, outcomes: [{ outcome, label, count, share }] }' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with field reasons' })
  triageOutcomes(@Query() query: RangeQueryDto) {
    return this.stats.triageOutcomes(query);
  }

  @Get('stage-times')
  @ApiOperation({
    summary: 'Mean and p90 hours spent in each stage, for petitions registered in the range',
    description:
      'count and meanHours are exact. City-wide and for a district, p90Hours is read from a log-scale histogram of durations (bucket ratio 1.04): it is accurate to within 2 % of the exact percentile (or one second, whichever is larger). For a city, street or community code it is computed exactly from the petitions.',
  })
  @ApiOkResponse({ description: '{ stages: [{ stage, label, count, meanHours, p90Hours }] }' })
  stageTimes(@Query() query: RangeQueryDto) {
    return this.stats.stageTimes(query);
  }
}
