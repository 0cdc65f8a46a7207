import { randomUUID } from 'node:crypto';
import {
  canOnCase,
  CLOSED_STATUSES,
  TRANSITIONS,
  type AssigneeList,
  type AssignRequest,
  type CaseQueuePage,
  type CaseDetail,
  type CasePatchRequest,
  type CaseStatus,
  type Category,
  type EscalationRequest,
  type LegalClocks,
  type Permission,
  type Role,
  type Severity,
  type SlaHours,
  type TransitionRequest,
} from '@haven/shared';
import {
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
  ValidationError,
  VersionConflictError,
} from '../../errors';
import type { AuditDraft, CasePatch, CaseRecord, JsonObject, Storage } from '../../storage';
import { milestonesOf } from '../stats/milestones';
import { caseBody, toJson, type CaseBody } from './caseBody';
import { presentDetail, type PeopleLookup } from './casePresenter';
import { queuePage, type ParsedQueueQuery } from './caseQueue';
import { peopleLookup } from './people';

/** Who acts on a case: what the permission checks need. */
export interface Actor {
  userId: string;
  roles: readonly Role[];
}

/** Open cases sharing a blind index with a case (see the duplicates module). */
export interface DuplicateSuggestions {
  candidatesFor(
    record: CaseRecord,
  ): Promise<
    { caseId: string; reference: string; status: string; createdAt: Date; shared: string[] }[]
  >;
}

export interface CaseServiceDependencies {
  storage: Storage;
  categories: () => Promise<Category[]>;
  slaHours: () => Promise<SlaHours>;
  legalClocks: (category: string) => Promise<LegalClocks>;
  duplicates: DuplicateSuggestions;
  now?: () => Date;
}

/** What a change does to a case, besides bumping its version. */
export interface CaseChange {
  patch: CasePatch;
  audit: Omit<AuditDraft, 'actorId' | 'subject'>;
  /** The timeline event that tells staff (and, if visible, the reporter) what happened. */
  event?: { kind: string; body: JsonObject; reporterVisible?: boolean };
}

/**
 * The case officers' and supervisors' work on one case: reading it, classifying, moving it
 * through the workflow (`TRANSITIONS` in shared), assigning, notes and messages. Every change
 * names the version it read, is checked against the permission matrix for this case, and leaves
 * an audit entry and a timeline event. Knows nothing of HTTP.
 */
export class CaseService {
  readonly now: () => Date;

  constructor(private readonly deps: CaseServiceDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  queue(actor: Actor, query: ParsedQueueQuery): Promise<CaseQueuePage> {
    return queuePage(this.deps, actor, query, this.now());
  }

  /** Active officers and supervisors, by name: who can hold a case. */
  async assignees(): Promise<AssigneeList> {
    const items: AssigneeList['items'] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.storage.users.list({
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      for (const user of page.items) {
        const roles = user.roles.filter((role) => role === 'officer' || role === 'supervisor');
        if (!user.disabled && roles.length > 0) {
          items.push({ id: user.id, displayName: user.displayName, roles });
        }
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { items: items.sort((a, b) => a.displayName.localeCompare(b.displayName)) };
  }

  /** The case page. Opening it is audited and marks the reporter's news read. */
  async open(actor: Actor, id: string): Promise<CaseDetail> {
    let record = await this.load(actor, id, 'case.read');
    const audit: AuditDraft = {
      action: 'case.viewed',
      actorId: actor.userId,
      subject: { type: 'case', id },
    };
    if (record.unreadFromReporter > 0) {
      record = await this.deps.storage.cases.update(
        id,
        record.version,
        { unreadFromReporter: 0 },
        audit,
      );
    } else {
      await this.deps.storage.audit.append(audit);
    }
    return this.detail(record);
  }

  async classify(actor: Actor, id: string, request: CasePatchRequest): Promise<CaseDetail> {
    const { version, ...wanted } = request;
    return this.change(actor, id, version, 'case.classify', async (record, body) => {
      const patch: CasePatch = {};
      const changed: string[] = [];
      if (wanted.category !== undefined || wanted.subcategory !== undefined) {
        const category = wanted.category ?? record.category;
        const subcategory =
          wanted.subcategory !== undefined
            ? wanted.subcategory
            : category === record.category
              ? body.subcategory
              : null;
        await this.checkCategory(category, subcategory);
        if (category !== record.category) {
          patch.category = category;
          changed.push('category');
        }
        if (subcategory !== body.subcategory) {
          patch.body = toJson({ ...body, subcategory });
          changed.push('subcategory');
        }
      }
      if (wanted.severity !== undefined && wanted.severity !== record.severity) {
        patch.severity = wanted.severity;
        patch.slaDueAt = await this.slaDue(record.createdAt, wanted.severity);
        changed.push('severity');
      }
      if (wanted.tlp !== undefined && wanted.tlp !== record.tlp) {
        patch.tlp = wanted.tlp;
        changed.push('tlp');
      }
      if (wanted.tags !== undefined && !sameTags(wanted.tags, record.tags)) {
        patch.tags = wanted.tags;
        changed.push('tags');
      }
      if (changed.length === 0) throw new UnprocessableError('Nothing changes.', 'no_change');
      return {
        patch,
        audit: { action: 'case.classified', details: { changed } },
        event: { kind: 'classification', body: { changed } },
      };
    });
  }

  async transition(actor: Actor, id: string, request: TransitionRequest): Promise<CaseDetail> {
    return this.change(actor, id, request.version, 'case.read', (record, body) => {
      const from = record.status as CaseStatus;
      const rule = TRANSITIONS.find((item) => item.from.includes(from) && item.to === request.to);
      if (!rule) {
        throw new UnprocessableError(
          `A case cannot go from ${from} to ${request.to}.`,
          'transition_not_in_workflow',
        );
      }
      if (rule.viaLink) {
        throw new UnprocessableError(
          'A duplicate names the case it repeats: link them (POST /cases/:id/links).',
          'duplicate_needs_link',
        );
      }
      this.requireOnCase(actor, record, rule.permission);
      if (rule.reasonRequired && !request.reason) {
        throw new ValidationError('reason: required for this change', [
          { path: 'reason', message: 'required for this change' },
        ]);
      }
      const at = this.now().toISOString();
      const finished = CLOSED_STATUSES.includes(request.to);
      const nextBody: CaseBody = {
        ...body,
        acknowledgedAt: body.acknowledgedAt ?? at,
        answeredAt: finished ? (body.answeredAt ?? at) : (body.answeredAt ?? null),
        // A supervisor's decision on escalation answers the officer's request.
        escalationRequest: ['escalated', 'resolved'].includes(request.to)
          ? null
          : (body.escalationRequest ?? null),
      };
      return {
        patch: { status: request.to, body: toJson(nextBody) },
        audit: { action: 'case.transitioned', details: { from, to: request.to } },
        event: {
          kind: 'transition',
          body: { from, to: request.to, ...(request.reason ? { reason: request.reason } : {}) },
          reporterVisible: true,
        },
      };
    });
  }

  /** Supervisors assign anyone (or no one); officers only take an unassigned case. */
  async assign(actor: Actor, id: string, request: AssignRequest): Promise<CaseDetail> {
    const claiming = request.assigneeId === actor.userId;
    return this.change(actor, id, request.version, 'case.read', async (record) => {
      const mayAssign = canOnCase(actor.roles, 'case.assign', this.target(actor, record));
      if (!mayAssign) {
        if (!claiming || !canOnCase(actor.roles, 'case.claim', this.target(actor, record))) {
          throw new ForbiddenError('Only a supervisor assigns cases to others.');
        }
        if (record.assigneeId !== null) {
          throw new UnprocessableError('Someone already holds this case.', 'case_taken');
        }
      }
      if (request.assigneeId === record.assigneeId) {
        throw new UnprocessableError('Nothing changes.', 'no_change');
      }
      if (request.assigneeId !== null) await this.checkAssignee(request.assigneeId);
      return {
        patch: { assigneeId: request.assigneeId },
        audit: {
          action: claiming && !mayAssign ? 'case.claimed' : 'case.assigned',
          details: { assigneeId: request.assigneeId },
        },
        event: { kind: 'assignment', body: { assigneeId: request.assigneeId } },
      };
    });
  }

  async requestEscalation(
    actor: Actor,
    id: string,
    request: EscalationRequest,
  ): Promise<CaseDetail> {
    return this.change(actor, id, request.version, 'case.escalation.request', (record, body) => {
      if (!['triaged', 'investigating'].includes(record.status)) {
        throw new UnprocessableError(
          'Only a triaged or investigated case can be escalated.',
          'transition_not_in_workflow',
        );
      }
      if (body.escalationRequest) {
        throw new UnprocessableError('Escalation is already requested.', 'no_change');
      }
      const escalationRequest = { at: this.now().toISOString(), by: actor.userId };
      return {
        patch: { body: toJson({ ...body, escalationRequest }) },
        audit: { action: 'case.escalation_requested' },
        event: { kind: 'escalation.requested', body: { reason: request.reason } },
      };
    });
  }

  /** An internal note: staff only. */
  async addNote(actor: Actor, id: string, text: string): Promise<CaseDetail> {
    const record = await this.load(actor, id, 'case.note');
    await this.appendEvent(actor, record, { kind: 'note', body: { text } });
    return this.detail(record);
  }

  /** A message to the reporter, shown on their status page; the first one acknowledges. */
  async sendMessage(actor: Actor, id: string, text: string): Promise<CaseDetail> {
    let record = await this.load(actor, id, 'case.message');
    await this.appendEvent(actor, record, {
      kind: 'message.staff',
      body: { text },
      reporterVisible: true,
    });
    const body = caseBody(record);
    if (!body.acknowledgedAt) {
      record = await this.deps.storage.cases.update(
        id,
        record.version,
        { body: toJson({ ...body, acknowledgedAt: this.now().toISOString() }) },
        { action: 'case.acknowledged', actorId: actor.userId, subject: { type: 'case', id } },
      );
    }
    return this.detail(record);
  }

  /**
   * Reads the case, checks `permission` on it, lets `build` decide the change, and writes it
   * with the version the client read: a stale one is refused (409) and nothing is written.
   */
  async change(
    actor: Actor,
    id: string,
    version: number,
    permission: Permission,
    build: (record: CaseRecord, body: CaseBody) => CaseChange | Promise<CaseChange>,
  ): Promise<CaseDetail> {
    const record = await this.load(actor, id, permission);
    if (record.version !== version) throw new VersionConflictError(record.version);
    const { patch: built, audit, event } = await build(record, caseBody(record));
    // Any change of state (a transition, a merge) may be the first triage or resolution.
    const patch = built.status
      ? { ...built, ...milestonesOf(record, built.status, this.now()) }
      : built;
    const updated = await this.deps.storage.cases.update(id, version, patch, {
      ...audit,
      actorId: actor.userId,
      subject: { type: 'case', id },
    });
    if (event) await this.appendEvent(actor, updated, event);
    return this.detail(updated);
  }

  /** The case, if `actor` may act on it with `permission`; one answer for unknown and hidden. */
  async load(actor: Actor, id: string, permission: Permission): Promise<CaseRecord> {
    const record = await this.deps.storage.cases.get(id);
    if (!record || !canOnCase(actor.roles, 'case.read', this.target(actor, record))) {
      throw new NotFoundError('There is no such case.');
    }
    this.requireOnCase(actor, record, permission);
    return record;
  }

  async detail(record: CaseRecord, people: PeopleLookup = peopleLookup(this.deps.storage)) {
    const [events, clocks, suggestions] = await Promise.all([
      this.deps.storage.timeline.listByCase(record.id),
      this.deps.legalClocks(record.category),
      suggestionsFor(this.deps.duplicates, record),
    ]);
    return presentDetail(
      record,
      {
        events,
        clocks,
        linked: (other) => this.deps.storage.cases.get(other),
        suggestions: suggestions.map((candidate) => ({
          id: candidate.caseId,
          reference: candidate.reference,
          status: candidate.status as CaseStatus,
          receivedAt: candidate.createdAt.toISOString(),
          shared: candidate.shared as CaseDetail['suggestedDuplicates'][number]['shared'],
        })),
      },
      people,
      this.now(),
    );
  }

  async appendEvent(
    actor: Actor,
    record: CaseRecord,
    event: NonNullable<CaseChange['event']>,
  ): Promise<void> {
    await this.deps.storage.timeline.append(
      {
        id: randomUUID(),
        caseId: record.id,
        at: this.now(),
        kind: event.kind,
        actorId: actor.userId,
        reporterVisible: event.reporterVisible ?? false,
        body: event.body,
      },
      {
        action: 'case.timeline_event_added',
        actorId: actor.userId,
        subject: { type: 'case', id: record.id },
        details: { kind: event.kind },
      },
    );
  }

  /** Records a read or a reveal, which changes nothing on the case itself. */
  async audit(actor: Actor, record: CaseRecord, action: string, details?: JsonObject) {
    await this.deps.storage.audit.append({
      action,
      actorId: actor.userId,
      subject: { type: 'case', id: record.id },
      ...(details ? { details } : {}),
    });
  }

  private requireOnCase(actor: Actor, record: CaseRecord, permission: Permission): void {
    if (!canOnCase(actor.roles, permission, this.target(actor, record))) {
      throw new ForbiddenError(
        permission === 'case.resolve'
          ? 'An officer resolves only cases assigned to them.'
          : 'Your roles do not allow this on this case.',
      );
    }
  }

  private target(actor: Actor, record: CaseRecord) {
    return { actorId: actor.userId, assigneeId: record.assigneeId };
  }

  private async slaDue(from: Date, severity: Severity): Promise<Date> {
    const hours = (await this.deps.slaHours())[severity];
    return new Date(from.getTime() + hours * 3_600_000);
  }

  private async checkCategory(category: string, subcategory: string | null): Promise<void> {
    const known = (await this.deps.categories()).find((item) => item.id === category);
    const problem = !known
      ? { path: 'category', message: 'not one of the configured categories' }
      : subcategory !== null && !known.subcategories.some((sub) => sub.id === subcategory)
        ? { path: 'subcategory', message: 'not part of the category' }
        : null;
    if (problem) throw new ValidationError(`${problem.path}: ${problem.message}`, [problem]);
  }

  private async checkAssignee(userId: string): Promise<void> {
    const user = await this.deps.storage.users.get(userId);
    if (
      !user ||
      user.disabled ||
      !user.roles.some((role) => role === 'officer' || role === 'supervisor')
    ) {
      throw new ValidationError('assigneeId: not an active officer or supervisor', [
        { path: 'assigneeId', message: 'not an active officer or supervisor' },
      ]);
    }
  }
}

/** Open cases sharing a blind index with `record`; none for a case that is finished with. */
export function suggestionsFor(duplicates: DuplicateSuggestions, record: CaseRecord) {
  return CLOSED_STATUSES.includes(record.status as CaseStatus)
    ? Promise.resolve([])
    : duplicates.candidatesFor(record);
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag) => b.includes(tag));
}
