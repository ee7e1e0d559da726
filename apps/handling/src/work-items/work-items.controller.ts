import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiUnprocessableEntityResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { InboxQueryDto } from './dto/inbox-query.dto';
import { AddNoteDto, ContactView, NoteView, RecordContactDto, ReturnWorkItemDto } from './dto/contact-note.dto';
import { WorkItemPage, WorkItemView } from './dto/work-item.view';
import { AddNoteUseCase } from './usecases/add-note.usecase';
import { RecordContactUseCase } from './usecases/record-contact.usecase';
import { ReturnWorkItemUseCase } from './usecases/return-work-item.usecase';
import { AcceptWorkItemUseCase } from './usecases/accept-work-item.usecase';
import { WorkItemsService } from './work-items.service';

/** A unit's inbox: handlers and unit heads see their own unit's work items only. */
@ApiTags('work-items')
@ApiBearerAuth()
@Controller('api/work-items')
export class WorkItemsController {
  constructor(
    private readonly workItems: WorkItemsService,
    private readonly acceptWorkItem: AcceptWorkItemUseCase,
    private readonly recordContact: RecordContactUseCase,
    private readonly addNote: AddNoteUseCase,
    private readonly returnWorkItem: ReturnWorkItemUseCase,
  ) {}

  @Get()
  @Roles(Role.Handler, Role.UnitHead)
  @ApiOperation({ summary: "The caller's unit inbox, soonest deadline first; filter by status, track, due date, warning or overdue" })
  @ApiOkResponse({ type: WorkItemPage })
  inbox(@Query() query: InboxQueryDto, @CurrentUser() user: StaffUser): Promise<WorkItemPage> {
    return this.workItems.inbox(user, query);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles(Role.Handler, Role.UnitHead)
  @ApiOperation({ summary: 'Accept the matter (受理): starts the handling and first-contact deadlines' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOkResponse({ type: WorkItemView })
  @ApiForbiddenResponse({ description: 'WORK_ITEM_NOT_LEAD: co-handlers do not accept' })
  @ApiConflictResponse({ description: 'WORK_ITEM_WRONG_STATE: already accepted, returned or closed' })
  @ApiNotFoundResponse({ description: 'WORK_ITEM_NOT_FOUND (also for other units’ items)' })
  accept(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: StaffUser): Promise<WorkItemView> {
    return this.acceptWorkItem.execute(user, id);
  }

  @Post(':id/contacts')
  @HttpCode(201)
  @Roles(Role.Handler, Role.UnitHead)
  @ApiOperation({ summary: 'Record a contact with the petitioner (lead unit); the first ends the first_contact deadline' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: ContactView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (e.g. contactedAt in the future or before acceptance)' })
  @ApiConflictResponse({ description: 'WORK_ITEM_WRONG_STATE: not accepted yet' })
  contact(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordContactDto,
    @CurrentUser() user: StaffUser,
  ): Promise<ContactView> {
    return this.recordContact.execute(user, id, body);
  }

  @Post(':id/notes')
  @HttpCode(201)
  @Roles(Role.Handler, Role.UnitHead)
  @ApiOperation({ summary: 'Add an internal note to the unit’s work item' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: NoteView })
  note(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AddNoteDto, @CurrentUser() user: StaffUser): Promise<NoteView> {
    return this.addNote.execute(user, id, body);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles(Role.Handler, Role.UnitHead)
  @ApiOperation({ summary: 'Return a misrouted assignment (退回) with a reason, within unit_return (lead unit)' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOkResponse({ type: WorkItemView })
  @ApiUnprocessableEntityResponse({ description: 'WORK_ITEM_RETURN_WINDOW_CLOSED: unit_return has passed' })
  @ApiConflictResponse({ description: 'WORK_ITEM_WRONG_STATE (already returned or waiting)' })
  returnItem(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReturnWorkItemDto,
    @CurrentUser() user: StaffUser,
  ): Promise<WorkItemView> {
    return this.returnWorkItem.execute(user, id, body.reason);
  }
}
