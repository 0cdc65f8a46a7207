import { CLOSED_STATUSES, type CaseDetail, type CaseStatus, type LinkRequest } from '@haven/shared';
import { UnprocessableError, VersionConflictError } from '../../errors';
import type { CaseRecord } from '../../storage';
import { caseBody, toJson } from './caseBody';
import type { Actor, CaseService } from './CaseService';

/**
 * Merging duplicates: the newer of two cases becomes a `duplicate` naming the older, which lists
 * it; unmerging restores the state the newer case had. Either case's page can do both.
 */
export class CaseLinks {
  constructor(private readonly cases: CaseService) {}

  async merge(actor: Actor, id: string, request: LinkRequest): Promise<CaseDetail> {
    const here = await this.cases.load(actor, id, 'case.link');
    if (here.version !== request.version) throw new VersionConflictError(here.version);
    const other = await this.cases.load(actor, request.otherCaseId, 'case.link');
    if (other.id === here.id)
      throw new UnprocessableError('A case cannot repeat itself.', 'self_link');
    const [older, newer] = here.createdAt <= other.createdAt ? [here, other] : [other, here];
    for (const record of [older, newer]) {
      if (record.status === 'duplicate') {
        throw new UnprocessableError(
          `${record.reference} is already a duplicate; link to the case it repeats.`,
          'already_duplicate',
        );
      }
    }
    if (CLOSED_STATUSES.includes(newer.status as CaseStatus)) {
      throw new UnprocessableError(
        `${newer.reference} is finished with; reopen it before marking it a duplicate.`,
        'case_finished',
      );
    }

    const merged = await this.cases.change(
      actor,
      newer.id,
      newer.version,
      'case.link',
      (_, body) => ({
        patch: {
          status: 'duplicate',
          body: toJson({
            ...body,
            duplicateOf: { caseId: older.id, previousStatus: newer.status },
          }),
        },
        audit: { action: 'case.merged', details: { into: older.id } },
        event: linkEvent('merged_into', older, request.reason),
      }),
    );
    await this.updateSurvivor(actor, older.id, (ids) => [...ids, newer.id], {
      action: 'case.duplicate_linked',
      event: linkEvent('merged_from', newer, request.reason),
    });
    return here.id === newer.id ? merged : this.cases.open(actor, here.id);
  }

  async unmerge(actor: Actor, id: string, otherId: string, version: number): Promise<CaseDetail> {
    const here = await this.cases.load(actor, id, 'case.link');
    if (here.version !== version) throw new VersionConflictError(here.version);
    const other = await this.cases.load(actor, otherId, 'case.link');
    const duplicate = [here, other].find(
      (record) => caseBody(record).duplicateOf?.caseId === (record === here ? other : here).id,
    );
    if (!duplicate) throw new UnprocessableError('These cases are not linked.', 'not_linked');
    const survivor = duplicate === here ? other : here;

    const restored = await this.cases.change(
      actor,
      duplicate.id,
      duplicate.version,
      'case.link',
      (_, body) => ({
        patch: {
          status: body.duplicateOf!.previousStatus,
          body: toJson({ ...body, duplicateOf: null }),
        },
        audit: { action: 'case.unmerged', details: { from: survivor.id } },
        event: linkEvent('unmerged_from', survivor),
      }),
    );
    await this.updateSurvivor(
      actor,
      survivor.id,
      (ids) => ids.filter((item) => item !== duplicate.id),
      {
        action: 'case.duplicate_unlinked',
        event: linkEvent('unmerged_into', duplicate),
      },
    );
    return here.id === duplicate.id ? restored : this.cases.open(actor, here.id);
  }

  /** The surviving case's list of duplicates, re-read on a concurrent change. */
  private async updateSurvivor(
    actor: Actor,
    id: string,
    change: (ids: string[]) => string[],
    what: { action: string; event: ReturnType<typeof linkEvent> },
  ): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const record = await this.cases.load(actor, id, 'case.link');
      try {
        await this.cases.change(actor, id, record.version, 'case.link', (_, body) => ({
          patch: { body: toJson({ ...body, duplicates: change(body.duplicates ?? []) }) },
          audit: { action: what.action },
          event: what.event,
        }));
        return;
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= 5) throw error;
      }
    }
  }
}

function linkEvent(action: string, other: CaseRecord, reason?: string) {
  return {
    kind: 'link',
    body: {
      action,
      otherCaseId: other.id,
      otherReference: other.reference,
      ...(reason ? { reason } : {}),
    },
  };
}
