import type { CaseQueueQuerySchema, CaseQueuePage } from '@haven/shared';
import type { z } from 'zod';
import type { CaseFilter, CaseRecord } from '../../storage';
import { REFERENCE_PATTERN } from '../intake/codes';
import { presentSummary } from './casePresenter';
import { memoise } from './memoise';
import { suggestionsFor, type Actor, type CaseServiceDependencies } from './CaseService';
import { peopleLookup } from './people';

export type ParsedQueueQuery = z.output<typeof CaseQueueQuerySchema>;
type QueueDependencies = Pick<CaseServiceDependencies, 'storage' | 'legalClocks' | 'duplicates'>;

const DAY_MS = 86_400_000;

/** The storage filter a queue query asks for; `me` is the acting user. */
export function filterOf(query: ParsedQueueQuery, actor: Actor, now: Date): CaseFilter {
  const filter: CaseFilter = {};
  if (query.status) filter.status = query.status;
  if (query.category) filter.category = query.category;
  if (query.severity) {
    filter.severity = query.severity.map((severity) => (severity === 'none' ? null : severity));
  }
  if (query.tlp) filter.tlp = query.tlp;
  if (query.assignee) {
    filter.assigneeId =
      query.assignee === 'me' ? actor.userId : query.assignee === 'none' ? null : query.assignee;
  }
  if (query.country) filter.country = query.country;
  if (query.overdue) filter.overdueAt = now;
  if (query.unread) filter.unreadOnly = true;
  if (query.from) filter.createdFrom = new Date(`${query.from}T00:00:00Z`);
  if (query.to) filter.createdTo = new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS);
  if (query.tag) filter.tag = query.tag;
  if (query.q) filter.text = query.q;
  return filter;
}

/**
 * One page of the triage queue, with the per-status counts for the tabs on the first page (the
 * later pages keep the counts the first one showed). Listing is audited with the filters used,
 * never the words searched for.
 */
export async function queuePage(
  deps: QueueDependencies,
  actor: Actor,
  query: ParsedQueueQuery,
  now: Date,
): Promise<CaseQueuePage> {
  if (query.q && REFERENCE_PATTERN.test(query.q)) {
    return referencePage(deps, actor, query.q.toUpperCase(), now);
  }
  const { storage } = deps;
  const filter = filterOf(query, actor, now);
  const { status: _status, ...withoutStatus } = filter;
  const [page, counts] = await Promise.all([
    storage.cases.list({
      ...filter,
      sort: query.sort,
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    }),
    query.cursor ? Promise.resolve({}) : storage.cases.countByStatus(withoutStatus),
  ]);
  await storage.audit.append({
    action: 'cases.listed',
    actorId: actor.userId,
    details: {
      filters: Object.keys(filter).sort(),
      sort: query.sort,
      shown: page.items.length,
    },
  });
  return { items: await present(deps, page.items, now), nextCursor: page.nextCursor, counts };
}

/** A search for a case's reference finds that case alone, whatever the other filters say. */
async function referencePage(
  deps: QueueDependencies,
  actor: Actor,
  reference: string,
  now: Date,
): Promise<CaseQueuePage> {
  const record = await deps.storage.cases.getByReference(reference);
  await deps.storage.audit.append({
    action: 'cases.listed',
    actorId: actor.userId,
    details: { filters: ['reference'], shown: record ? 1 : 0 },
  });
  const items = record ? await present(deps, [record], now) : [];
  return { items, nextCursor: null, counts: record ? { [record.status]: 1 } : {} };
}

async function present(
  { storage, legalClocks, duplicates }: QueueDependencies,
  records: CaseRecord[],
  now: Date,
) {
  const people = peopleLookup(storage);
  const clocksOf = memoise(legalClocks);
  return Promise.all(
    records.map(async (record) =>
      presentSummary(
        record,
        {
          people,
          clocks: await clocksOf(record.category),
          duplicateSuggestionCount: (await suggestionsFor(duplicates, record)).length,
        },
        now,
      ),
    ),
  );
}
