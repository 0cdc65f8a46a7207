import type { CaseQuery, CaseRecord, NewCase, Storage } from '../../server/src/storage/types';
import { enginesUnderTest, freshDatabaseEachTest } from '../support/engines';
import { aCase, anAudit } from '../support/factories';

const BASE = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const OPEN = ['new', 'triaged', 'investigating', 'escalated'];

/** A case whose text mentions `words`. */
function aCaseSaying(words: string, overrides: Partial<NewCase> = {}): NewCase {
  return aCase({
    body: { text: { narrative: `Someone wrote about ${words}.`, urls: [], handles: [] } },
    ...overrides,
  });
}

describe.each(enginesUnderTest())(
  'the triage queue after cases change, on the $name engine',
  (engine) => {
    const db = freshDatabaseEachTest(engine);

    async function references(query: Omit<CaseQuery, 'limit'>, limit = 50) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await db.storage.cases.list({
          ...query,
          limit,
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...page.items.map((item) => item.reference));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return seen;
    }

    async function change(record: CaseRecord, patch: Parameters<Storage['cases']['update']>[2]) {
      const current = (await db.storage.cases.get(record.id))!;
      return db.storage.cases.update(record.id, current.version, patch, anAudit());
    }

    it('when a tagged case changes state, then tag queries in every order find it under the new state only', async () => {
      const moving = await db.storage.cases.insert(
        aCase({ reference: 'HV-MOVE', status: 'new', tags: ['coordinated'] }),
        anAudit(),
      );
      await db.storage.cases.insert(
        aCase({ reference: 'HV-STAY', status: 'triaged', tags: ['coordinated'] }),
        anAudit(),
      );

      await change(moving, { status: 'closed' });

      for (const sort of ['priority', 'newest', 'oldest', 'slaDue'] as const) {
        expect(await references({ sort, tag: 'coordinated', status: OPEN })).toEqual(['HV-STAY']);
        expect(await references({ sort, tag: 'coordinated', status: ['closed'] })).toEqual([
          'HV-MOVE',
        ]);
      }
      expect(await db.storage.cases.countByStatus({ tag: 'coordinated' })).toEqual({
        triaged: 1,
        closed: 1,
      });
    });

    it("when a tagged, searchable case's severity and SLA change, then it moves within the tag's and the text's priority and SLA orders", async () => {
      const rising = await db.storage.cases.insert(
        aCaseSaying('election fraud', {
          reference: 'HV-RISE',
          status: 'triaged',
          severity: 'low',
          tags: ['election'],
        }),
        anAudit(),
      );
      await db.storage.cases.insert(
        aCaseSaying('election fraud', {
          reference: 'HV-HIGH',
          status: 'triaged',
          severity: 'high',
          slaDueAt: new Date(BASE + 5 * HOUR),
          tags: ['election'],
        }),
        anAudit(),
      );
      const query = { tag: 'election', status: ['triaged', 'investigating'] };
      expect(await references({ ...query, sort: 'priority' })).toEqual(['HV-HIGH', 'HV-RISE']);

      await change(rising, { severity: 'critical', slaDueAt: new Date(BASE + HOUR) });

      expect(await references({ ...query, sort: 'priority' })).toEqual(['HV-RISE', 'HV-HIGH']);
      expect(await references({ ...query, sort: 'slaDue' })).toEqual(['HV-RISE', 'HV-HIGH']);
      for (const text of [{ text: 'fraud' }, { text: 'fraud', status: query.status }]) {
        expect(await references({ ...text, sort: 'priority' })).toEqual(['HV-RISE', 'HV-HIGH']);
        expect(await references({ ...text, sort: 'priority', severity: ['low'] })).toEqual([]);
      }
      expect(
        await references({ ...query, sort: 'priority', overdueAt: new Date(BASE + 2 * HOUR) }),
      ).toEqual(['HV-RISE']);
    });

    it("when a case's tags change, then it is found under its new tag, in its current state, and no longer under the old one", async () => {
      const record = await db.storage.cases.insert(
        aCase({ reference: 'HV-TAGS', status: 'new', tags: ['election'] }),
        anAudit(),
      );
      await change(record, { status: 'investigating' });

      await change(record, { tags: ['minor-involved', 'cross-border'] });

      expect(await references({ sort: 'newest', tag: 'election' })).toEqual([]);
      expect(
        await references({ sort: 'priority', tag: 'minor-involved', status: ['investigating'] }),
      ).toEqual(['HV-TAGS']);
      expect(
        await references({ sort: 'priority', tag: 'minor-involved', status: ['new'] }),
      ).toEqual([]);
      expect(await db.storage.cases.countByStatus({ tag: 'cross-border' })).toEqual({
        investigating: 1,
      });
    });

    it('when a searchable case changes state, then text queries in every order find it under the new state only', async () => {
      const record = await db.storage.cases.insert(
        aCaseSaying('spyware on a journalist phone', { reference: 'HV-TEXT', status: 'new' }),
        anAudit(),
      );
      await db.storage.cases.insert(
        aCaseSaying('spyware again', { reference: 'HV-OTHER', status: 'triaged' }),
        anAudit(),
      );

      await change(record, { status: 'escalated', severity: 'high' });

      for (const sort of ['priority', 'newest', 'oldest', 'slaDue'] as const) {
        expect(
          await references({ sort, text: 'spyware journalist', status: ['escalated', 'closed'] }),
        ).toEqual(['HV-TEXT']);
        expect((await references({ sort, text: 'spyware', status: OPEN })).sort()).toEqual([
          'HV-OTHER',
          'HV-TEXT',
        ]);
        expect(await references({ sort, text: 'spyware', status: ['new'] })).toEqual([]);
      }
      // The state is not part of the text.
      expect(await references({ sort: 'newest', text: 'escalated' })).toEqual([]);
      expect(await db.storage.cases.countByStatus({ text: 'spyware' })).toEqual({
        escalated: 1,
        triaged: 1,
      });
    });

    it('when a state is named with any characters, then searches in that state find its cases', async () => {
      await db.storage.cases.insert(
        aCaseSaying('doxxing', { reference: 'HV-ODD', status: 'à revoir: "vite"' }),
        anAudit(),
      );
      await db.storage.cases.insert(aCaseSaying('doxxing', { status: 'new' }), anAudit());

      for (const sort of ['priority', 'newest', 'slaDue'] as const) {
        expect(await references({ sort, text: 'doxxing', status: ['à revoir: "vite"'] })).toEqual([
          'HV-ODD',
        ]);
      }
    });

    it('when many searchable cases share one creation millisecond, then text queries page them by id within it, newest and oldest first', async () => {
      const createdAt = new Date(BASE);
      // Inserted in an order unlike their ids, with a case either side of the millisecond.
      const insertionOrder = ['HV-T3', 'HV-T0', 'HV-T6', 'HV-T2', 'HV-T5', 'HV-T1', 'HV-T4'];
      const tied = insertionOrder.map((reference) =>
        aCaseSaying('phishing', { reference, createdAt, id: `0000000${reference.slice(-1)}-tie` }),
      );
      await db.storage.cases.insertMany(
        [
          aCaseSaying('phishing', { reference: 'HV-LATER', createdAt: new Date(BASE + 1) }),
          ...tied,
          aCaseSaying('phishing', { reference: 'HV-EARLIER', createdAt: new Date(BASE - 1) }),
        ],
        anAudit(),
      );
      const byId = ['HV-T0', 'HV-T1', 'HV-T2', 'HV-T3', 'HV-T4', 'HV-T5', 'HV-T6'];

      for (const limit of [1, 2, 3, 50]) {
        expect(await references({ sort: 'newest', text: 'phishing' }, limit)).toEqual([
          'HV-LATER',
          ...[...byId].reverse(),
          'HV-EARLIER',
        ]);
        expect(await references({ sort: 'oldest', text: 'phishing' }, limit)).toEqual([
          'HV-EARLIER',
          ...byId,
          'HV-LATER',
        ]);
      }
    });

    it('when cases are inserted one by one and in bulk and change state, then the per-status counts stay exact, filtered or not', async () => {
      const cases: CaseRecord[] = [];
      const tally = (keep: (record: CaseRecord) => boolean = () => true) => {
        const counts: Record<string, number> = {};
        for (const record of cases.filter(keep)) {
          counts[record.status] = (counts[record.status] ?? 0) + 1;
        }
        return counts;
      };
      const bulk = Array.from({ length: 12 }, (_, index) =>
        aCaseSaying(index % 2 ? 'doxxing' : 'botnet', {
          status: ['new', 'triaged', 'investigating'][index % 3]!,
          category: index % 4 ? 'online_hate' : 'cyberattack',
          country: index % 3 ? 'DE' : 'FR',
          tags: index % 5 ? [] : ['coordinated'],
          assigneeId: index % 2 ? 'user-1' : null,
          severity: index % 3 ? 'high' : null,
        }),
      );
      await db.storage.cases.insertMany(bulk, anAudit());
      for (const record of bulk) cases.push((await db.storage.cases.get(record.id))!);
      const single = await db.storage.cases.insert(
        aCaseSaying('botnet', { status: 'escalated', category: 'online_hate', country: 'DE' }),
        anAudit(),
      );
      cases.push(single);
      const expectExactCounts = async () => {
        expect(await db.storage.cases.countByStatus({})).toEqual(tally());
        expect(
          await db.storage.cases.countByStatus({ category: 'online_hate', country: 'DE' }),
        ).toEqual(tally((r) => r.category === 'online_hate' && r.country === 'DE'));
        expect(await db.storage.cases.countByStatus({ tag: 'coordinated' })).toEqual(
          tally((r) => r.tags.includes('coordinated')),
        );
        expect(await db.storage.cases.countByStatus({ text: 'botnet' })).toEqual(
          tally((r) => JSON.stringify(r.body).includes('botnet')),
        );
        expect(await db.storage.cases.countByStatus({ assigneeId: 'user-1' })).toEqual(
          tally((r) => r.assigneeId === 'user-1'),
        );
        expect(await db.storage.cases.countByStatus({ severity: ['high', null] })).toEqual(
          tally((r) => r.severity === 'high' || r.severity === null),
        );
      };
      await expectExactCounts();

      // The only escalated case leaves its state, which then has no count at all.
      cases[cases.length - 1] = await change(single, { status: 'resolved' });
      cases[0] = await change(cases[0]!, { status: 'rejected' });
      cases[3] = await change(cases[3]!, { status: 'rejected', tags: ['coordinated'] });
      await expectExactCounts();
      expect(await db.storage.cases.countByStatus({})).not.toHaveProperty('escalated');
    });
  },
);
