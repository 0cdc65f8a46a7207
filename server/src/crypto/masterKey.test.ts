import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import pino from 'pino';
import { ConfigError } from '../errors';
import { makeTempDir } from '../../../test/support/tempDir';
import { keyFileProblems, loadMasterKey, masterKeyPath } from './masterKey';

const silent = pino({ level: 'silent' });

describe('the master key', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.cleanup());

  it('when none is configured, then a 0600 key file is generated once and reused', async () => {
    const config = { masterKey: null, dataDir: `${dir.path}/data` };
    const first = await loadMasterKey(config, silent);

    expect(first).toHaveLength(32);
    expect((await stat(masterKeyPath(config.dataDir))).mode & 0o777).toBe(0o600);
    expect(await loadMasterKey(config, silent)).toEqual(first);
  });

  it('when one is configured, then no file is written', async () => {
    const key = Buffer.alloc(32, 1);
    expect(await loadMasterKey({ masterKey: key, dataDir: dir.path }, silent)).toBe(key);
    await expect(stat(masterKeyPath(dir.path))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('when the key file is readable by others, then it is refused', async () => {
    const config = { masterKey: null, dataDir: dir.path };
    await loadMasterKey(config, silent);
    await chmod(masterKeyPath(dir.path), 0o644);

    await expect(loadMasterKey(config, silent)).rejects.toBeInstanceOf(ConfigError);
    expect(await keyFileProblems(masterKeyPath(dir.path))).toEqual([
      expect.stringMatching(/chmod 600/),
    ]);
  });

  it('when the key file is damaged, then it is refused and left as it was', async () => {
    await writeFile(masterKeyPath(dir.path), 'not a key', { mode: 0o600 });
    await expect(
      loadMasterKey({ masterKey: null, dataDir: dir.path }, silent),
    ).rejects.toBeInstanceOf(ConfigError);
    expect(await readFile(masterKeyPath(dir.path), 'utf8')).toBe('not a key');
  });
});
