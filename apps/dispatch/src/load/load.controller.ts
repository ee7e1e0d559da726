import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@petition/auth';
import { Role } from '@petition/contracts';
import { LoadQueryDto, UnitLoadPage } from './dto/load.dto';
import { LoadService } from './load.service';

/** Units' load, for dispatchers. */
@ApiTags('load')
@ApiBearerAuth()
@Controller('api/units/load')
export class LoadController {
  constructor(private readonly load: LoadService) {}

  @Get()
  @Roles(Role.Dispatcher, Role.Supervisor)
  @ApiOperation({ summary: 'Open assignments per unit, busiest first' })
  @ApiOkResponse({ type: UnitLoadPage })
  perUnit(@Query() query: LoadQueryDto): Promise<UnitLoadPage> {
    return this.load.perUnit(query);
  }
}
