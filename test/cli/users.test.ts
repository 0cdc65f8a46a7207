import { createServices } from '../../server/src/services';
import { loadMasterKey } from '../../server/src/crypto/masterKey';
import { createLogger } from '../../server/src/logger';
import { totpCode } from '../../server/src/modules/identity/totp';
import { A_GOOD_PASSWORD } from '../support/staff';
import { havenCommandForEachTest } from '../support/cli';

// Each test starts several CLI processes (each opens storage and hashes with argon2).
jest.setTimeout(90_000);

describe('haven users', () => {
  const haven = havenCommandForEachTest();

  it('when a user is created with --json, then the password comes from standard input and the TOTP secret, URI and recovery codes are printed', async () => {
    const { code, output } = await haven.run(
      [
        'users',
        'create',
        '--username',
        'Ops.Bot',
        '--role',
        'officer',
        '--role',
        'auditor',
        '--json',
      ],
      `${A_GOOD_PASSWORD}\n`,
    );

    expect(code).toBe(0);
    // Standard output holds the JSON; standard error (mixed in here) may log the new key file.
    const created = JSON.parse(/^\{\n[\s\S]*?\n\}$/m.exec(output)![0]);
    expect(created).toEqual({
      id: expect.any(String),
      username: 'ops.bot',
      roles: ['officer', 'auditor'],
      totpSecret: expect.stringMatching(/^[A-Z2-7]{32}$/),
      otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\/Haven:ops\.bot\?issuer=Haven&secret=/),
      recoveryCodes: expect.arrayContaining([expect.stringMatching(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/)]),
    });
    expect(created.otpauthUri).toContain(created.totpSecret);

    // The account signs in with that password and a code of that secret.
    await haven.withStorage(async (storage) => {
      const config = { masterKey: null, dataDir: haven.dataDir, proofOfWorkBits: 0 };
      const services = await createServices(
        config,
        storage,
        await loadMasterKey(config, createLogger({ logLevel: 'silent' })),
      );
      const user = await services.identity.verifyPassword('ops.bot', A_GOOD_PASSWORD);
      expect(user?.roles).toEqual(['officer', 'auditor']);
      const login = services.identity.challengeFor(user!);
      expect(login.enrolmentRequired).toBe(false);
      const session = await services.identity.completeSignIn(
        login.challenge,
        totpCode(created.totpSecret, new Date()),
      );
      expect(session.accessToken).toEqual(expect.any(String));
      const actions = (await storage.audit.list({ limit: 100 })).map((entry) => entry.action);
      expect(actions).toContain('user.created');
    });
  });

  it('when created without --json, then the same is printed for a person', async () => {
    const { code, output } = await haven.run(
      ['users', 'create', '--username', 'amal', '--role', 'admin'],
      A_GOOD_PASSWORD,
    );
    expect(code).toBe(0);
    expect(output).toMatch(/^Created amal \(admin\)\./m);
    expect(output).toMatch(/^TOTP secret: +[A-Z2-7]{32}$/m);
    expect(output).toMatch(/^otpauth URI: +otpauth:\/\/totp\/Haven:amal\?/m);
    expect(output.match(/^ {2}[0-9A-Z]{5}-[0-9A-Z]{5}$/gm)).toHaveLength(10);
  });

  it('when the password is weak or the role unknown, then nothing is created and the reason is printed', async () => {
    const weak = await haven.run(
      ['users', 'create', '--username', 'amal', '--role', 'admin'],
      'short\n',
    );
    expect(weak.code).toBe(1);
    expect(weak.output).toMatch(/at least 12 characters/);

    const role = await haven.run(['users', 'create', '--username', 'amal', '--role', 'root'], 'x');
    expect(role.code).toBe(2);
    expect(role.output).toMatch(/Unknown role: root/);
    await haven.withStorage(async (storage) => {
      expect(await storage.users.getByUsername('amal')).toBeNull();
    });
  });

  it('when a second factor is reset and an account disabled, then both are done and audited; the last admin stays', async () => {
    for (const [username, role] of [
      ['first-admin', 'admin'],
      ['officer-1', 'officer'],
    ]) {
      expect(
        (
          await haven.run(
            ['users', 'create', '--username', username!, '--role', role!],
            A_GOOD_PASSWORD,
          )
        ).code,
      ).toBe(0);
    }

    const reset = await haven.run(['users', 'reset-mfa', 'officer-1']);
    expect(reset.code).toBe(0);
    expect(reset.output).toMatch(/enrol again at the next sign-in/);
    const disable = await haven.run(['users', 'disable', 'OFFICER-1']);
    expect(disable.code).toBe(0);
    const lastAdmin = await haven.run(['users', 'disable', 'first-admin']);
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.output).toMatch(/last enabled admin/);
    const unknown = await haven.run(['users', 'disable', 'nobody']);
    expect(unknown.code).toBe(1);

    await haven.withStorage(async (storage) => {
      const officer = await storage.users.getByUsername('officer-1');
      expect(officer?.disabled).toBe(true);
      expect(officer?.body).toMatchObject({ totp: null, recoveryCodes: [] });
      expect((await storage.users.getByUsername('first-admin'))?.disabled).toBe(false);
      const actions = (await storage.audit.list({ limit: 100 })).map((entry) => entry.action);
      expect(actions).toEqual(expect.arrayContaining(['user.mfa_reset', 'user.updated']));
    });
  });
});
