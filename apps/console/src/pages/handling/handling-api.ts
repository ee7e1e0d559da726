// The handler's and unit head's calls to handling (`/handling/api/...`) beyond plain JSON: files
// (DOCX documents, the petitioner's attachments, reply uploads) and the reads that name a reason.
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { components } from '../../api/generated/handling';

export type WorkItem = components['schemas']['WorkItemView'];
export type WorkItemDetail = components['schemas']['WorkItemDetailView'];
export type WorkItemStatus = WorkItem['status'];
export type DeadlineState = WorkItem['deadlineState'];
export type CaseFile = components['schemas']['CaseFileView'];
export type UploadedAttachment = components['schemas']['UploadedAttachmentView'];
export type ExtensionRequest = components['schemas']['ExtensionRequestView'];
export type ReplyBody = components['schemas']['SubmitReplyDto'];
export type ContactMethod = components['schemas']['RecordContactDto']['method'];
export type PetitionerDocumentKind =
  | 'acceptance_notice'
  | 'inform_notice'
  | 'forward_notice'
  | 'non_acceptance_notice'
  | 'decision_letter'
  | 'review_decision'
  | 'reexam_decision';

/**
 * The OpenAPI documents of the case-file and document reads name the `authorization` header (the
 * service passes it on to intake). The session middleware sets it on every call, so the typed
 * parameter is left out here (undefined headers are not sent).
 */
const BY_SESSION = { authorization: undefined } as unknown as { authorization: string };

export interface InboxQuery {
  status?: WorkItemStatus;
  track?: WorkItem['track'];
  state?: Exclude<DeadlineState, 'done'>;
  dueBefore?: string;
  /** Only emergencies (true) or only the others (false). */
  emergency?: boolean;
  /** A tracking number, or words of the title. */
  q?: string;
  limit?: number;
  cursor?: string;
}

/** One page of the unit's inbox, soonest deadline in force first. */
export function loadInboxPage(query: InboxQuery): Promise<components['schemas']['WorkItemPage']> {
  return unwrap(api.handling.GET('/api/work-items', { params: { query } }));
}

export function loadWorkItem(id: string): Promise<WorkItemDetail> {
  return unwrap(api.handling.GET('/api/work-items/{id}', { params: { path: { id } } }));
}

/** A representative of a collective petition as the case file lists it (masked). */
export interface MaskedRepresentative {
  name: string;
  phone: string | null;
}

/** The whole petition; `reason` is logged by intake with the read. */
export async function loadCaseFile(id: string, reason: string): Promise<CaseFile> {
  return unwrap(api.handling.GET('/api/work-items/{id}/case-file', { params: { path: { id }, query: { reason }, header: BY_SESSION } }));
}

/**
 * The case file's representatives. The OpenAPI snapshot types them as strings, the service sends
 * `{ name, phone }` objects (masked): both are read.
 */
export function representativesOf(caseFile: CaseFile): MaskedRepresentative[] {
  return (caseFile.representatives as unknown[]).map((r) =>
    typeof r === 'string'
      ? { name: r, phone: null }
      : { name: String((r as MaskedRepresentative).name ?? ''), phone: (r as MaskedRepresentative).phone ?? null },
  );
}

/** A downloaded file: its bytes and the name the service gave it. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** The file name of a `Content-Disposition` header (`filename*=UTF-8''…` or `filename="…"`). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

async function fileOf(
  pending: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  fallback: string,
): Promise<DownloadedFile> {
  let result: { data?: unknown; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (cause) {
    throw ApiError.network(cause);
  }
  if (!result.response.ok || result.error !== undefined) throw ApiError.fromResponse(result.response.status, result.error);
  const blob = result.data instanceof Blob ? result.data : new Blob([]);
  return { blob, fileName: fileNameOf(result.response.headers.get('Content-Disposition'), fallback) };
}

/** The unit's 交办单 as DOCX. */
export function downloadAssignmentSheet(id: string, reason: string, trackingNo: string): Promise<DownloadedFile> {
  return fileOf(
    api.handling.GET('/api/work-items/{id}/documents/assignment-sheet', {
      params: { path: { id }, query: { reason }, header: BY_SESSION },
      parseAs: 'blob',
    }),
    `交办单-${trackingNo}.docx`,
  );
}

/** A petitioner document of the matter (受理告知书, 处理意见书…) as DOCX, from intake through handling. */
export function downloadPetitionerDocument(
  id: string,
  kind: PetitionerDocumentKind,
  reason: string,
  label: string,
): Promise<DownloadedFile> {
  return fileOf(
    api.handling.GET('/api/work-items/{id}/documents/petitioner/{kind}', {
      params: { path: { id, kind }, query: { reason }, header: BY_SESSION },
      parseAs: 'blob',
    }),
    `${label}.docx`,
  );
}

/** One of the petitioner's attachments from the case file. */
export function downloadCaseFileAttachment(id: string, attachmentId: string, reason: string, fileName: string): Promise<DownloadedFile> {
  return fileOf(
    api.handling.GET('/api/work-items/{id}/case-file/attachments/{attachmentId}', {
      params: { path: { id, attachmentId }, query: { reason }, header: BY_SESSION },
      parseAs: 'blob',
    }),
    fileName,
  );
}

/** An upload for a reply: the body is the file's bytes, its Content-Type the file's type. */
export function uploadReplyAttachment(id: string, file: File, idempotencyKey: string): Promise<UploadedAttachment> {
  return unwrap(
    api.handling.POST('/api/work-items/{id}/attachments', {
      params: { path: { id }, query: { fileName: file.name }, header: { 'Idempotency-Key': idempotencyKey } },
      // The generated type says string (binary); the bytes go as they are.
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
    }),
  );
}

/**
 * Saves a downloaded file in the browser. Links cannot carry the Authorization header, so the
 * bytes are fetched with the token and handed to the browser as an object URL.
 */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  if (typeof URL.createObjectURL !== 'function') return; // jsdom
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
