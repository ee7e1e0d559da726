import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Roles } from '@petition/auth';
import { ControllableClock, parseDuration, type Clock } from '@petition/clock';
import { Role, toOffsetIso } from '@petition/contracts';
import { DomainError, ValidationFailedError } from '../domain-error';
import { SkipIdempotency } from '../http/idempotency.interceptor';
import { CLOCK } from '../tokens';

/** Body of `PUT /internal/clock`: exactly one of `set` or `advance`. */
export class MoveClockDto {
  @ApiPropertyOptional({ example: '2026-12-01T09:00:00+08:00', description: 'Jump to this instant (forward only)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  set?: string;

  @ApiPropertyOptional({ example: '3d', description: 'Move forward by a duration: 90s, 15m, 36h, 60d, 1d12h' })
  @IsOptional()
  @Matches(/^(\d+(\.\d+)?(ms|s|m|h|d|w))+$/)
  advance?: string;
}

/** The service's clock, movable in development and tests (`CLOCK=controllable`). */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('internal/clock')
export class ClockController {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @Get()
  @ApiOperation({ summary: "The service clock's current time and mode" })
  @ApiOkResponse({ description: '{ now, mode }' })
  read(): { now: string; mode: 'system' | 'controllable' } {
    return { now: toOffsetIso(this.clock.now()), mode: this.clock instanceof ControllableClock ? 'controllable' : 'system' };
  }

  @Put()
  @Roles(Role.Admin)
  @SkipIdempotency()
  @ApiOperation({ summary: 'Move a controllable clock (admin; development and tests only)' })
  @ApiOkResponse({ description: '{ now, mode }' })
  move(@Body() body: MoveClockDto): { now: string; mode: 'system' | 'controllable' } {
    if (!(this.clock instanceof ControllableClock)) {
      throw new DomainError('CLOCK_NOT_CONTROLLABLE', '该服务使用系统时钟 (start with CLOCK=controllable to move time)', 'conflict');
    }
    if ((body.set === undefined) === (body.advance === undefined)) {
      throw new ValidationFailedError([{ field: 'set', reason: 'give exactly one of set or advance' }]);
    }
    try {
      if (body.set !== undefined) this.clock.set(new Date(body.set));
      else this.clock.advance(parseDuration(body.advance as string));
    } catch (err) {
      throw new ValidationFailedError([{ field: body.set !== undefined ? 'set' : 'advance', reason: (err as Error).message }]);
    }
    return this.read();
  }
}
