import { Body, Controller, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@petition/auth';
import { Role } from '@petition/contracts';
import { DirectoryAdminService } from './directory-admin.service';
import { CreateCategoryDto, CreateRegionDto, CreateUnitDto, UpdateNamedEntryDto, UpdateUnitDto } from './dto/directory-admin.dto';
import { CategoryView, RegionView, UnitView } from './dto/directory.views';

const IDEMPOTENCY = {
  name: 'Idempotency-Key',
  required: true,
  description: 'A retried request with the same key returns the first result',
};

/** Directory administration (admin only). Deactivate with `active: false`; nothing is deleted. */
@ApiTags('directory-admin')
@ApiBearerAuth()
@Controller('api')
export class DirectoryAdminController {
  constructor(private readonly admin: DirectoryAdminService) {}

  @Post('units')
  @Roles(Role.Admin)
  @ApiHeader(IDEMPOTENCY)
  @ApiOperation({ summary: 'Add a unit; published on directory.v1' })
  @ApiCreatedResponse({ type: UnitView })
  createUnit(@Body() dto: CreateUnitDto): Promise<UnitView> {
    return this.admin.createUnit(dto);
  }

  @Patch('units/:id')
  @Roles(Role.Admin)
  @ApiHeader(IDEMPOTENCY)
  @ApiOperation({ summary: 'Change or deactivate a unit; published on directory.v1' })
  @ApiOkResponse({ type: UnitView })
  updateUnit(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUnitDto): Promise<UnitView> {
    return this.admin.updateUnit(id, dto);
  }

  @Post('regions')
  @Roles(Role.Admin)
  @ApiHeader(IDEMPOTENCY)
  @ApiOperation({ summary: 'Add an administrative division' })
  @ApiCreatedResponse({ type: RegionView })
  createRegion(@Body() dto: CreateRegionDto): Promise<RegionView> {
    return this.admin.createRegion(dto);
  }

  @Patch('regions/:code')
  @Roles(Role.Admin)
  @ApiHeader(IDEMPOTENCY)
  @ApiOperation({ summary: 'Rename or deactivate a division' })
  @ApiOkResponse({ type: RegionView })
  updateRegion(@Param('code') code: string, @Body() dto: UpdateNamedEntryDto): Promise<RegionView> {
    return this.admin.updateRegion(code, dto);
  }

  @Post('categories')
  @Roles(Role.Admin)
  @ApiHeader(IDEMPOTENCY)
  @ApiOperation({ summary: 'Add a category' })
  @ApiCreatedResponse({ type: CategoryView })
  createCategory(@Body() dto: CreateCategoryDto): Promise<CategoryView> {
    return this.admin.createCategory(dto);
  }

  @Patch('categories/:code')
  @Roles(Role.Admin)
  @ApiHeader(IDEMPOTENCY)
  @ApiOperation({ summary: 'Rename or deactivate a category' })
  @ApiOkResponse({ type: CategoryView })
  updateCategory(@Param('code') code: string, @Body() dto: UpdateNamedEntryDto): Promise<CategoryView> {
    return this.admin.updateCategory(code, dto);
  }
}
