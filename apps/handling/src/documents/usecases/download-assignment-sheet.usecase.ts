import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { AssignmentRole } from '@petition/contracts';
import { renderDocument } from '@petition/documents';
import { CLOCK } from '@petition/service-kit';
import { ReadCaseFileUseCase } from '../../case-file/usecases/read-case-file.usecase';
import { HANDLING_SETTINGS, type HandlingSettings } from '../../config/handling-settings';
import { UnitNamesRepository } from '../../directory/unit-names.repository';
import type { WorkItemEntity } from '../../work-items/entities/work-item.entity';
import { HandlingDeadlines } from '../../work-items/handling-deadlines';
import { WorkItemAccess } from '../../work-items/work-item-access';
import { WorkItemsRepository } from '../../work-items/work-items.repository';
import { assignmentSheetVars } from '../assignment-sheet';
import { DocumentNotAvailableError } from '../documents.errors';
import type { IssuedDocumentEntity } from '../entities/issued-document.entity';
import { IssuedDocumentsRepository } from '../issued-documents.repository';
import { currentTemplate } from '../templates/assignment-sheet-templates';

const KIND = 'assignment_sheet';

/**
 * The 交办单 of a unit's own work item (lead or co-handler: each unit gets the sheet of its own
 * item). The first download issues it from the current template version — the content read from
 * intake's case file with the caller's token and reason — and keeps the bytes; every later
 * download is the kept file, byte for byte. Every download is logged in `document_downloads`
 * before the bytes leave. Another unit's item, or a returned one, is the audited 404.
 */
@Injectable()
export class DownloadAssignmentSheetUseCase {
  constructor(
    private readonly access: WorkItemAccess,
    private readonly workItems: WorkItemsRepository,
    private readonly deadlines: HandlingDeadlines,
    private readonly caseFile: ReadCaseFileUseCase,
    private readonly units: UnitNamesRepository,
    private readonly issued: IssuedDocumentsRepository,
    @Inject(HANDLING_SETTINGS) private readonly settings: HandlingSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: StaffUser, id: string, reason: string, authorization: string): Promise<IssuedDocumentEntity> {
    const item = await this.access.handledItem(user, id, 'documents.assignment-sheet');
    const doc = (await this.issued.find(item.id, KIND)) ?? (await this.issue(item, user, reason, authorization));
    await this.issued.logDownload({
      documentId: doc.id,
      workItemId: item.id,
      actor: user.sub,
      actorRoles: user.roles,
      actorUnitId: user.unitId,
      reason,
      at: this.clock.now(),
    });
    return doc;
  }

  private async issue(item: WorkItemEntity, user: StaffUser, reason: string, authorization: string): Promise<IssuedDocumentEntity> {
    const parts = await this.workItems.ofAssignment(item.assignmentId);
    const lead = parts.find((w) => w.role === AssignmentRole.Lead) ?? item;
    const coHandlerIds = parts.filter((w) => w.role === AssignmentRole.CoHandler).map((w) => w.unitId);
    const names = await this.units.namesOf([lead.unitId, ...coHandlerIds]);
    const unknown = [lead.unitId, ...coHandlerIds].filter((u) => !names.has(u));
    if (unknown.length) {
      throw new DocumentNotAvailableError(KIND, 'unit', `the directory has not yet described unit ${unknown.join(', ')}`);
    }
    const file = await this.caseFile.ofItem(item, reason, authorization);
    const template = currentTemplate(KIND);
    const now = this.clock.now();
    const vars = assignmentSheetVars({
      trackingNo: item.trackingNo,
      title: item.title,
      role: item.role,
      petitionerNameMasked: item.petitionerNameMasked,
      instructions: item.instructions,
      acceptDue: item.acceptDue,
      assignedAt: item.assignedAt,
      handlingDue: lead.acceptedAt ? lead.handlingDue : null,
      handlingPeriod: this.deadlines.periodOf(lead.handlingStage),
      leadUnitName: names.get(lead.unitId) as string,
      coHandlerNames: coHandlerIds.map((u) => names.get(u) as string),
      channel: file.channel,
      headcount: file.headcount,
      registeredAt: file.registeredAt,
      content: file.content,
      emergency: file.emergency,
      issuer: this.settings.documentsIssuer,
    });
    const rendered = await renderDocument(template, vars, now);
    return this.issued.keep({
      workItemId: item.id,
      kind: KIND,
      templateId: rendered.templateId,
      templateVersion: rendered.templateVersion,
      fileName: `${template.title}-${item.trackingNo}.docx`,
      sha256: rendered.sha256,
      bytes: rendered.bytes,
      issuedAt: now,
      issuedBy: user.sub,
    });
  }
}
