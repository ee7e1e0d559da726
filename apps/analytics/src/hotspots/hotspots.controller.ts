import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@petition/auth';
import { Role } from '@petition/contracts';
import { HotspotsQueryDto } from './dto/hotspots-query.dto';
import { HotspotsService } from './hotspots.service';

/** Hotspots (热点) of petition titles, per region and category. */
@ApiTags('stats')
@ApiBearerAuth()
@Controller('api/stats/hotspots')
@Roles(Role.Analyst, Role.Supervisor, Role.Admin)
export class HotspotsController {
  constructor(private readonly hotspots: HotspotsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Strong signals (most mentioned terms) and weak signals (≥3 mentions and ≥100% growth against the previous equal period), with counts per region and category',
  })
  @ApiOkResponse({ description: '{ strongSignals, weakSignals, weakSignalRule, ... }' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with field reasons' })
  get(@Query() query: HotspotsQueryDto) {
    return this.hotspots.hotspots(query);
  }
}
