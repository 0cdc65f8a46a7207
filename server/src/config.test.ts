import { ConfigError } from './errors';
import { loadConfig } from './config';

const KEY = Buffer.alloc(32, 7).toString('base64');

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, '/srv/haven');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration', () => {
  it('when nothing is set, then Haven runs embedded on port 8080 with ./data', () => {
    const config = loadConfig({}, '/srv/haven');
    expect(config).toMatchObject({
      env: 'development',
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/srv/haven/data',
      database: { engine: 'sqlite', file: '/srv/haven/data/haven.db' },
      masterKey: null,
      publicUrl: 'http://localhost:8080',
    });
  });

  it('when DATABASE_URL is a mongodb URL, then MongoDB is chosen', () => {
    for (const url of [
      'mongodb://db:27017/haven?replicaSet=rs0',
      'mongodb+srv://cluster.example.net/haven',
    ]) {
      expect(loadConfig({ DATABASE_URL: url }).database).toEqual({ engine: 'mongodb', url });
    }
  });

  it('when DATABASE_URL names an SQLite file, then that file is used, relative to the working directory', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:var/haven.db' }, '/srv/haven').database).toEqual({
      engine: 'sqlite',
      file: '/srv/haven/var/haven.db',
    });
    expect(loadConfig({ DATABASE_URL: 'file:/tmp/x.db' }).database).toEqual({
      engine: 'sqlite',
      file: '/tmp/x.db',
    });
  });

  it('when a master key is given, then it is decoded to 32 bytes', () => {
    expect(loadConfig({ HAVEN_MASTER_KEY: KEY }).masterKey).toEqual(Buffer.alloc(32, 7));
  });

  it('when values are bad, then every problem is reported at once, naming the variable', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'postgres://db/haven',
      HAVEN_MASTER_KEY: 'too-short',
      HAVEN_PUBLIC_URL: 'ftp://haven.example',
      NODE_ENV: 'staging',
    });
    expect(problems.join('\n')).toMatch(/PORT must be a number/);
    expect(problems.join('\n')).toMatch(/HAVEN_PUBLIC_URL must be an http/);
    expect(problems.join('\n')).toMatch(/NODE_ENV must be development, production or test/);

    const more = problemsOf({ DATABASE_URL: 'postgres://db/haven', HAVEN_MASTER_KEY: 'too-short' });
    expect(more).toEqual([
      expect.stringMatching(/^DATABASE_URL must be a mongodb:\/\//),
      expect.stringMatching(/^HAVEN_MASTER_KEY must be 32 bytes/),
    ]);
  });

  it('when a port is out of range, then it is refused', () => {
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT must be between 0 and 65535']);
  });

  it('when production has no master key, then it refuses to start', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^HAVEN_MASTER_KEY is required in production/),
    ]);
    expect(loadConfig({ NODE_ENV: 'production', HAVEN_MASTER_KEY: KEY }).env).toBe('production');
  });

  it('when a variable is set but empty, then it counts as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }, '/srv').port).toBe(8080);
  });

  it('when the public URL ends with a slash, then links are built without doubling it', () => {
    expect(loadConfig({ HAVEN_PUBLIC_URL: 'https://haven.example/' }).publicUrl).toBe(
      'https://haven.example',
    );
  });
});
