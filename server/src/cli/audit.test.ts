import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CheckpointSchema, VerifyResultSchema } from '@haven/shared';
import { enginesUnderTest, type TestDatabase } from '../../../test/support/engines';
import { makeTempDir } from '../../../test/support/tempDir';
import { KeyRing } from '../crypto/KeyRing';
import { loadSigningKey } from '../crypto/signingKey';
import { AuditService } from '../modules/audit/AuditService';
import type { Storage } from '../storage/types';
import { parseAuditArgs, runAuditCommand, type AuditCommand } from './audit';

describe('the audit command line', () => {
  it.each([
    [['verify'], { name: 'verify', json: false }],
    [['verify', '--json'], { name: 'verify', json: true }],
    [
      ['verify', '--checkpoint', 'cp.json'],
      { name: 'verify', json: false, checkpointFile: 'cp.json' },
    ],
    [
      ['verify', '--checkpoint=cp.json', '--json'],
      { name: 'verify', json: true, checkpointFile: 'cp.json' },
    ],
    [['checkpoint'], { name: 'checkpoint' }],
  ])('when given %j, then it reads the command', (args, command) => {
    expect(parseAuditArgs(args)).toEqual(command);
  });

  it.each([[[]], [['sign']], [['verify', '--checkpoint']], [['checkpoint', 'now']]])(
    'when given %j, then it explains what is wrong',
    (args) => {
      expect(typeof parseAuditArgs(args)).toBe('string');
    },
  );
});

describe('haven audit, run against a database', () => {
  const sqlite = enginesUnderTest().find((engine) => engine.name === 'sqlite')!;
  let database: TestDatabase;
  let storage: Storage;
  let service: AuditService;
  let dir: ReturnType<typeof makeTempDir>;

  beforeEach(async () => {
    dir = makeTempDir();
    database = await sqlite.fresh();
    storage = await database.open();
    const keyRing = await KeyRing.open(storage, { masterKey: randomBytes(32) });
    service = new AuditService({
      store: storage.audit,
      signingKey: await loadSigningKey(storage.settings, keyRing),
    });
    for (let index = 0; index < 4; index += 1) {
      await storage.audit.append({ action: 'auth.login', actorId: `user-${index}` });
    }
  });
  afterEach(async () => {
    await database.dispose();
    dir.cleanup();
  });

  async function run(command: AuditCommand) {
    let out = '';
    let err = '';
    const code = await runAuditCommand(command, service, {
      out: (text) => (out += text),
      err: (text) => (err += text),
    });
    return { code, out, err };
  }

  async function keepCheckpoint(): Promise<string> {
    const { code, out } = await run({ name: 'checkpoint' });
    expect(code).toBe(0);
    CheckpointSchema.parse(JSON.parse(out));
    const file = join(dir.path, 'checkpoint.json');
    await writeFile(file, out);
    return file;
  }

  it('when the log is intact, then verify says so and exits 0', async () => {
    const checkpointFile = await keepCheckpoint();
    const { code, out } = await run({ name: 'verify', json: false, checkpointFile });
    expect(code).toBe(0);
    expect(out).toMatch(/^ok +audit log: \d+ entries, head [0-9a-f]{64}$/m);
    expect(out).toMatch(/^ok +checkpoint of \d+ entries: the log extends it$/m);
  });

  it('when an entry was edited in the file, then verify names it and exits 1', async () => {
    const checkpointFile = await keepCheckpoint();
    if (database.config.engine !== 'sqlite') throw new Error('This test edits a SQLite file.');
    const raw = new Database(database.config.file);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET actor_id = 'someone-else' WHERE seq = 2").run();
    raw.close();

    const { code, out } = await run({ name: 'verify', json: false, checkpointFile });
    expect(code).toBe(1);
    expect(out).toMatch(/^FAIL +audit log: .*entry 2 is broken \(hash_mismatch\)/m);
    expect(out).toMatch(/^FAIL +checkpoint of \d+ entries \(rewritten\)/m);

    const json = await run({ name: 'verify', json: true });
    expect(VerifyResultSchema.parse(JSON.parse(json.out))).toMatchObject({
      ok: false,
      firstBrokenSeq: 2,
      reason: 'hash_mismatch',
    });
  });

  it.each([
    ['not JSON', 'checkpoint?', /is not JSON/],
    ['not a checkpoint', '{"entries": 3}', /is not a Haven audit checkpoint/],
  ])(
    'when the checkpoint file is %s, then it says so and exits 2',
    async (_what, text, message) => {
      const checkpointFile = join(dir.path, 'bad.json');
      await writeFile(checkpointFile, text);
      const { code, err } = await run({ name: 'verify', json: false, checkpointFile });
      expect(code).toBe(2);
      expect(err).toMatch(message);
    },
  );

  it('when the checkpoint file is missing, then it says so and exits 2', async () => {
    const { code, err } = await run({
      name: 'verify',
      json: false,
      checkpointFile: join(dir.path, 'nowhere.json'),
    });
    expect(code).toBe(2);
    expect(err).toMatch(/Cannot read/);
  });
});
