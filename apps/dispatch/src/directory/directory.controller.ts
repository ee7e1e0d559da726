import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '@petition/service-kit';
import { CategoryPage, RegionPage, RegionQueryDto, UnitPage, UnitQueryDto } from './dto/directory.views';
import { DirectoryService } from './directory.service';

/** The city's directory, readable by any staff member. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('api')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('units')
  @ApiOperation({ summary: 'Handling units (承办单位), by code' })
  @ApiOkResponse({ type: UnitPage })
  units(@Query() query: UnitQueryDto): Promise<UnitPage> {
    return this.directory.units(query);
  }

  @Get('regions')
  @ApiOperation({ summary: 'Administrative divisions, by code' })
  @ApiOkResponse({ type: RegionPage })
  regions(@Query() query: RegionQueryDto): Promise<RegionPage> {
    return this.directory.regions(query.limit, query.cursor, query.parentCode);
  }

  @Get('categories')
  @ApiOperation({ summary: 'The petition taxonomy, by code' })
  @ApiOkResponse({ type: CategoryPage })
  categories(@Query() query: PageQueryDto): Promise<CategoryPage> {
    return this.directory.categories(query.limit, query.cursor);
  }
}
