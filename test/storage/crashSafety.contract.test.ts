import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { entryHash } from '../../server/src/storage/auditChain';
import { enginesUnderTest, type TestDatabase } from '../support/engines';

const ACKS_BEFORE_KILL = 150;

/** Runs the writer until it has acknowledged `count` inserts, then kills it with SIGKILL. */
function writeThenKill(database: TestDatabase, count: number): Promise<string[]> {
  const child = spawn(
    process.execPath,
    [join(__dirname, 'crashWriter.js'), JSON.stringify(database.config), database.dataDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const acknowledged: string[] = [];
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve(acknowledged)
        : reject(new Error(`writer exited with ${code}`)),
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('ack ')) return;
      acknowledged.push(line.slice(4));
      if (acknowledged.length === count) child.kill('SIGKILL');
    });
  });
}

describe.each(enginesUnderTest())('crash safety on the $name engine', (engine) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await engine.fresh();
  });
  afterEach(() => database.dispose());

  it('when the writer is killed with SIGKILL, then every acknowledged write is there after reopening', async () => {
    const acknowledged = await writeThenKill(database, ACKS_BEFORE_KILL);
    const storage = await database.open();

    for (const id of acknowledged) {
      expect(await storage.cases.get(id)).not.toBeNull();
    }
    const entries = await storage.audit.list({ limit: 10_000 });
    expect(entries.length).toBeGreaterThanOrEqual(acknowledged.length);
    expect(entries.every((entry) => entry.hash === entryHash(entry))).toBe(true);
    const logged = new Set(entries.map((entry) => entry.subject?.id));
    expect(acknowledged.every((id) => logged.has(id))).toBe(true);
  }, 60_000);
});
