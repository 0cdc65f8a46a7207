import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openStorage } from '../../server/src/storage';
import { aUser, anAudit } from '../support/factories';
import { havenCommandForEachTest } from '../support/cli';

describe('the haven command', () => {
  const haven = havenCommandForEachTest();

  it('when asked for a setup token with no admin, then it prints a one-time link', async () => {
    const { code, output } = await haven.run(['setup-token']);
    expect(code).toBe(0);
    expect(output).toMatch(/https:\/\/haven\.example\/console\/setup#token=[A-Za-z0-9_-]{43}/);
  });

  it('when an admin exists, then no setup token is given', async () => {
    const storage = await openStorage(
      { engine: 'sqlite', file: join(haven.dataDir, 'haven.db') },
      { dataDir: haven.dataDir },
    );
    await storage.users.insert(aUser({ roles: ['admin'] }), anAudit());
    await storage.close();

    const { code, output } = await haven.run(['setup-token']);
    expect(code).toBe(1);
    expect(output).toMatch(/An admin exists already/);
    expect(output).not.toMatch(/token=/);
  });

  it('when the doctor runs on a healthy set-up, then every check passes', async () => {
    const { code, output } = await haven.run(['doctor']);
    expect(code).toBe(0);
    expect(output).toMatch(/^ok +configuration: development, sqlite storage$/m);
    expect(output).toMatch(/^ok +storage: sqlite answers; no admin yet/m);
    expect(output).not.toMatch(/FAIL/);
  });

  it('when the key file is readable by others, then the doctor fails that check', async () => {
    await writeFile(join(haven.dataDir, 'master.key'), randomBytes(32).toString('base64'), {
      mode: 0o644,
    });
    const { code, output } = await haven.run(['doctor']);
    expect(code).toBe(1);
    expect(output).toMatch(/^FAIL +master key: .*chmod 600/m);
  });

  it('when the command is unknown, then it prints the usage and exits 2', async () => {
    const { code, output } = await haven.run(['frobnicate']);
    expect(code).toBe(2);
    expect(output).toMatch(/Unknown command: frobnicate/);
    expect(output).toMatch(/setup-token/);
  });
});
