import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';

import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import {
  AssignmentRole,
  EXTENSION_APPROVED,
  EXTENSION_DENIED,
  EXTENSION_REQUESTED,
  WorkItemStatus,
  toOffsetIso,
  type ExtensionDecidedPayload,
  type ExtensionRequestedPayload,
} from '@petition/contracts';
import { DeadlinesError, type Deadline } from '@petition/deadlines';
import { EventOutbox } from '@petition/messaging';
import { CLOCK, afterTimeAndId, keysetPage } from '@petition/service-kit';
import { WorkItemAccess } from '../work-items/work-item-access';
import type { WorkItemEntity } from '../work-items/entities/work-item.entity';
import { HandlingDeadlines } from '../work-items/handling-deadlines';
import { coHandlersFollowLead } from '../work-items/co-handlers-follow-lead';
import { NoUnitError, NotLeadError, WorkItemStateError } from '../work-items/work-items.errors';
import { WorkItemsRepository } from '../work-items/work-items.repository';
import {
  ExtensionRequestView,
  type DecideExtensionDto,
  type ExtensionRequestPage,
  type ExtensionRequestQuery,
  type RequestExtensionDto,
} from './dto/extension.dto';
import type { ExtensionRequestEntity } from './entities/extension-request.entity';
import {
  ExtensionAlreadyDecidedError,
  ExtensionNotAllowedError,
  ExtensionOwnRequestError,
  ExtensionRequestNotFoundError,
} from './extensions.errors';
import { ExtensionsRepository } from './extensions.repository';

/**
 * Extensions of the handling deadline (延期, 条例 Art. 34): the lead unit asks before the deadline,
 * with a reason the petitioner is told; the unit head approves or denies, never their own request.
 * The rules themselves (once, ≤ 30 days, only extendable stages, only before the deadline) are libs/deadlines', applied
 * both when asking and again when approving, since time passes in between.
 */
@Injectable()
export class ExtensionsService {
  constructor(
    private readonly extensions: ExtensionsRepository,
    private readonly workItems: WorkItemsRepository,
    private readonly deadlines: HandlingDeadlines,
    private readonly access: WorkItemAccess,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The caller's unit's requests, oldest first: the unit head's queue with `status=pending`. */
  async list(user: StaffUser, query: ExtensionRequestQuery): Promise<ExtensionRequestPage> {
    if (!user.unitId) throw new NoUnitError();
    const limit = query.limit ?? 50;
    const rows = await this.workItems.transaction((m) =>
      this.extensions.listForUnit(m, user.unitId as string, query.status, limit + 1, afterTimeAndId(query.cursor)),
    );
    return keysetPage(
      rows,
      limit,
      (r) => ({ ...ExtensionRequestView.from(r.request), trackingNo: r.trackingNo, title: r.title }),
      (r) => [r.request.requestedAt.toISOString(), r.request.id],
    );
  }

  async request(user: StaffUser, workItemId: string, input: RequestExtensionDto): Promise<ExtensionRequestView> {
    const now = this.clock.now();
    return this.access.inOwnItem(user, workItemId, 'extension-requests.create', async (m, item, unitId) => {
      if (item.role !== AssignmentRole.Lead) throw new NotLeadError('申请延期', 'ask for an extension');
      if (item.status !== WorkItemStatus.Accepted) throw new WorkItemStateError('申请延期', item.status);
      this.extended(item, input.days, now, user.sub, input.reason);
      if (await this.extensions.pendingFor(m, item.id))
        throw new ExtensionNotAllowedError('已有待审批的延期申请 (a request is already waiting)');
      const request: ExtensionRequestEntity = {
        id: randomUUID(),
        workItemId: item.id,
        unitId,
        days: input.days,
        reason: input.reason,
        status: 'pending',
        requestedBy: user.sub,
        requestedAt: now,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        dueBefore: item.handlingDue as Date,
        dueAfter: null,
      };
      await this.extensions.insert(m, request);
      const payload: ExtensionRequestedPayload = {
        requestId: request.id,
        workItemId: item.id,
        petitionId: item.petitionId,
        unitId,
        days: input.days,
        reason: input.reason,
        requestedAt: toOffsetIso(now),
      };
      await this.outbox.publish(m, now, { type: EXTENSION_REQUESTED, petitionId: item.petitionId, payload });
      return ExtensionRequestView.from(request);
    });
  }

  async decide(user: StaffUser, requestId: string, approve: boolean, input: DecideExtensionDto): Promise<ExtensionRequestView> {
    const unitId = requireUnit(user);
    const now = this.clock.now();
    return this.workItems.transaction(async (m) => {
      const request = await this.extensions.lockForUnit(m, unitId, requestId);
      if (!request) throw new ExtensionRequestNotFoundError(requestId);
      // Approval is a second pair of eyes: a unit head who asked (they may, as the unit's staff) cannot also decide.
      if (request.requestedBy === user.sub) throw new ExtensionOwnRequestError();
      if (request.status !== 'pending') throw new ExtensionAlreadyDecidedError(request.status);
      const item = (await this.workItems.lockForUnit(m, unitId, request.workItemId)) as WorkItemEntity;
      Object.assign(request, {
        status: approve ? 'approved' : 'denied',
        decidedBy: user.sub,
        decidedAt: now,
        decisionNote: input.note ?? null,
      });
      const payload: ExtensionDecidedPayload = {
        requestId: request.id,
        workItemId: item.id,
        petitionId: item.petitionId,
        unitId,
        approved: approve,
        decidedAt: toOffsetIso(now),
        note: input.note ?? null,
        handlingDeadline: null,
      };
      if (approve) {
        const extended = this.extended(item, request.days, now, user.sub, request.reason);
        Object.assign(item, {
          handlingDeadline: extended.toJSON() as unknown as Record<string, unknown>,
          handlingDue: new Date(extended.due),
          currentDue: new Date(extended.due),
          currentWarningAt: new Date(extended.warningAt),
        });
        await this.workItems.update(m, item);
        await coHandlersFollowLead(m, this.workItems, item);
        request.dueAfter = new Date(extended.due);
        payload.handlingDeadline = {
          stage: extended.stage,
          startedAt: extended.start,
          due: extended.due,
          ruleSet: extended.ruleSetVersion,
          provisional: extended.provisional,
        };
      }
      await this.extensions.save(m, request);
      await this.outbox.publish(m, now, { type: approve ? EXTENSION_APPROVED : EXTENSION_DENIED, petitionId: item.petitionId, payload });
      return ExtensionRequestView.from(request);
    });
  }

  /** The handling deadline with the extension applied, or the library's reason why not. */
  private extended(item: WorkItemEntity, days: number, at: Date, by: string, reason: string): Deadline {
    if (!item.handlingDeadline) throw new ExtensionNotAllowedError('尚无办理时限 (no handling deadline yet)');
    try {
      return this.deadlines.load(item.handlingDeadline).extend({ days, at, by, reason });
    } catch (err) {
      if (err instanceof DeadlinesError) throw new ExtensionNotAllowedError(err.message);
      throw err;
    }
  }
}

function requireUnit(user: StaffUser): string {
  if (!user.unitId) throw new NoUnitError();
  return user.unitId;
}
