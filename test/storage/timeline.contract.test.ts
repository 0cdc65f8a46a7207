import { ConflictError } from '../../server/src/errors';
import type { TimelineEvent } from '../../server/src/storage/types';
import { enginesUnderTest, freshDatabaseEachTest } from '../support/engines';
import { aCase, anAudit, anEvent } from '../support/factories';
import { expectLinearChain } from './expectations';

describe.each(enginesUnderTest())('case timelines on the $name engine', (engine) => {
  const db = freshDatabaseEachTest(engine);
  let caseId: string;

  beforeEach(async () => {
    caseId = (await db.storage.cases.insert(aCase(), anAudit({ action: 'case.created' }))).id;
  });

  it('when events are appended out of order, then the timeline lists them oldest first, ties broken by id', async () => {
    const at = Date.UTC(2026, 2, 1, 12);
    const events = [
      anEvent({ caseId, id: 'evt-later', at: new Date(at + 1) }),
      anEvent({ caseId, id: 'evt-b', at: new Date(at) }),
      // By code unit, as both engines compare: 'B' (0x42) sorts before 'a' (0x61).
      anEvent({ caseId, id: 'evt-a', at: new Date(at) }),
      anEvent({ caseId, id: 'evt-B', at: new Date(at) }),
      anEvent({ caseId, id: 'evt-earlier', at: new Date(at - 1) }),
    ];
    for (const event of events) await db.storage.timeline.append(event, anAudit());

    const listed = await db.storage.timeline.listByCase(caseId);

    expect(listed.map((event) => event.id)).toEqual([
      'evt-earlier',
      'evt-B',
      'evt-a',
      'evt-b',
      'evt-later',
    ]);
  });

  it('when an event is appended, then it reads back identical', async () => {
    const event = anEvent({
      caseId,
      kind: 'message.reporter',
      actorId: null,
      reporterVisible: true,
      body: { text: 'عربى 中文 ✓', list: [1, 'two', null, { deep: [] }], empty: {} },
    });

    expect(await db.storage.timeline.append(event, anAudit())).toEqual(event);
    expect(await db.storage.timeline.listByCase(caseId)).toEqual([event]);
  });

  it('when only reporter-visible events are asked for, then staff-only events are left out', async () => {
    const base = Date.UTC(2026, 2, 1);
    const appended: TimelineEvent[] = [];
    for (let index = 0; index < 6; index += 1) {
      const event = anEvent({
        caseId,
        at: new Date(base + index),
        reporterVisible: index % 2 === 0,
      });
      appended.push(await db.storage.timeline.append(event, anAudit()));
    }

    expect(await db.storage.timeline.listByCase(caseId, { reporterVisibleOnly: true })).toEqual(
      appended.filter((event) => event.reporterVisible),
    );
    expect(await db.storage.timeline.listByCase(caseId, { reporterVisibleOnly: false })).toEqual(
      appended,
    );
  });

  it('when other cases have events, then they are not listed', async () => {
    const other = (await db.storage.cases.insert(aCase(), anAudit())).id;
    const mine = await db.storage.timeline.append(anEvent({ caseId }), anAudit());
    await db.storage.timeline.append(anEvent({ caseId: other }), anAudit());

    expect(await db.storage.timeline.listByCase(caseId)).toEqual([mine]);
    expect(await db.storage.timeline.listByCase('no-such-case')).toEqual([]);
  });

  it('when an event id is taken, then the append is refused and writes nothing', async () => {
    const first = await db.storage.timeline.append(anEvent({ caseId, id: 'evt-1' }), anAudit());
    const entriesBefore = await db.storage.audit.list({ limit: 10 });
    const clash = anEvent({ caseId, id: 'evt-1', kind: 'transition', body: { to: 'closed' } });

    await expect(db.storage.timeline.append(clash, anAudit())).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await db.storage.timeline.listByCase(caseId)).toEqual([first]);
    expect(await db.storage.audit.list({ limit: 10 })).toEqual(entriesBefore);
  });

  it('when events are appended, from two handles at once too, then each leaves exactly one audit entry in a linear chain', async () => {
    const other = await db.database.open();
    const appended = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        (index % 2 ? db.storage : other).timeline.append(
          anEvent({ caseId }),
          anAudit({ action: 'case.noted', subject: { type: 'case', id: caseId } }),
        ),
      ),
    );

    const entries = await db.storage.audit.list({ limit: 100 });
    expect(entries.map((entry) => entry.action)).toEqual([
      'case.created',
      ...appended.map(() => 'case.noted'),
    ]);
    expectLinearChain(entries);
    expect(await db.storage.timeline.listByCase(caseId)).toHaveLength(appended.length);
  });
});
