import {
  AssigneeListSchema,
  CaseDetailSchema,
  CaseQueuePageSchema,
  FormDefinitionSchema,
  RevealedSchema,
  type AssigneeList,
  type CaseDetail,
  type CasePatchRequest,
  type CaseQueuePage,
  type CaseStatus,
  type FormDefinition,
  type Revealed,
} from '@haven/shared';
import { apiFileRequest, apiRequest, type ApiFile } from './client';

/**
 * The case endpoints (`/api/v1/cases…`). Every change carries the version read; the server
 * refuses a stale one with 409 (`stale_version`) and writes nothing.
 */

const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;

/** One page of the queue; `query` is the queue's query string, filters already checked. */
export function listCases(query: URLSearchParams): Promise<CaseQueuePage> {
  return apiRequest('GET', `/cases?${query.toString()}`, { schema: CaseQueuePageSchema });
}

/** The case; reading it marks the reporter's messages read. */
export function fetchCase(id: string): Promise<CaseDetail> {
  return apiRequest('GET', casePath(id), { schema: CaseDetailSchema });
}

export function classifyCase(id: string, patch: CasePatchRequest): Promise<CaseDetail> {
  return apiRequest('PATCH', casePath(id), { body: patch, schema: CaseDetailSchema });
}

export function transitionCase(
  id: string,
  change: { version: number; to: CaseStatus; reason?: string },
): Promise<CaseDetail> {
  return apiRequest('POST', `${casePath(id)}/transitions`, {
    body: change,
    schema: CaseDetailSchema,
  });
}

/** `assigneeId: null` unassigns. An officer may only take an unassigned case for themselves. */
export function assignCase(
  id: string,
  change: { version: number; assigneeId: string | null },
): Promise<CaseDetail> {
  return apiRequest('POST', `${casePath(id)}/assign`, { body: change, schema: CaseDetailSchema });
}

/** Flags the case for a supervisor's escalation decision. */
export function requestEscalation(
  id: string,
  change: { version: number; reason: string },
): Promise<CaseDetail> {
  return apiRequest('POST', `${casePath(id)}/escalation-request`, {
    body: change,
    schema: CaseDetailSchema,
  });
}

/** An internal note, never shown to the reporter. */
export function addNote(id: string, text: string): Promise<CaseDetail> {
  return apiRequest('POST', `${casePath(id)}/notes`, { body: { text }, schema: CaseDetailSchema });
}

/** A message the reporter reads on their status page. */
export function messageReporter(id: string, text: string): Promise<CaseDetail> {
  return apiRequest('POST', `${casePath(id)}/messages`, {
    body: { text },
    schema: CaseDetailSchema,
  });
}

/** Merges two cases: the newer becomes a duplicate of the older. */
export function linkCases(
  id: string,
  change: { version: number; otherCaseId: string; reason: string },
): Promise<CaseDetail> {
  return apiRequest('POST', `${casePath(id)}/links`, { body: change, schema: CaseDetailSchema });
}

/** Undoes a merge. */
export function unlinkCases(id: string, otherCaseId: string, version: number): Promise<CaseDetail> {
  const query = new URLSearchParams({ version: String(version) });
  return apiRequest('DELETE', `${casePath(id)}/links/${encodeURIComponent(otherCaseId)}?${query}`, {
    schema: CaseDetailSchema,
  });
}

/** The original text or the reporter's contact, for this one answer; audited with the reason. */
export function revealText(
  id: string,
  field: 'narrative' | 'contact',
  reason: string,
): Promise<Revealed> {
  return apiRequest('POST', `${casePath(id)}/reveal`, {
    body: { field, reason },
    schema: RevealedSchema,
  });
}

/** An attachment's original file, as the reporter sent it; audited with the reason. */
export function revealAttachment(id: string, attachmentId: string, reason: string) {
  return apiFileRequest('POST', `${casePath(id)}/reveal`, {
    field: 'attachment',
    attachmentId,
    reason,
  });
}

/** The scrubbed copy of an attachment (metadata removed). */
export function fetchAttachment(id: string, attachmentId: string): Promise<ApiFile> {
  return apiFileRequest('GET', `${casePath(id)}/attachments/${encodeURIComponent(attachmentId)}`);
}

/** A small JPEG of an image attachment, made from the scrubbed copy. */
export function fetchThumbnail(id: string, attachmentId: string): Promise<ApiFile> {
  return apiFileRequest(
    'GET',
    `${casePath(id)}/attachments/${encodeURIComponent(attachmentId)}/thumbnail`,
  );
}

/** Officers and supervisors, whom a supervisor may assign cases to. */
export function listAssignees(): Promise<AssigneeList> {
  return apiRequest('GET', '/cases/assignees', { schema: AssigneeListSchema });
}

let formDefinition: Promise<FormDefinition> | null = null;

/** The report form's categories and subcategories; asked once per visit, as they rarely change. */
export function fetchFormDefinition(): Promise<FormDefinition> {
  formDefinition ??= apiRequest('GET', '/public/form', {
    schema: FormDefinitionSchema,
    authenticated: false,
  }).catch((error: unknown) => {
    formDefinition = null;
    throw error;
  });
  return formDefinition;
}
