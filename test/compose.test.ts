import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../server/src/config';

// No Docker engine runs on CI machines, so the Compose file and Dockerfile are checked by reading them.
const root = join(__dirname, '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

describe('docker-compose.yml', () => {
  const { mongo, haven } = compose.services;

  it('when started, then MongoDB runs as a replica set, initiated by its health check, with data in a named volume', () => {
    const replicaSet = mongo.command[mongo.command.indexOf('--replSet') + 1];
    expect(replicaSet).toBe('rs0');
    expect(mongo.healthcheck.test.join(' ')).toMatch(/rs\.initiate\(\{ _id: 'rs0'/);
    expect(mongo.healthcheck.test.join(' ')).toContain("host: 'mongo:27017'");
    const [volume] = mongo.volumes[0].split(':');
    expect(Object.keys(compose.volumes)).toContain(volume);
  });

  it('when Haven starts, then it waits for a healthy MongoDB and its DATABASE_URL names that replica set', () => {
    expect(haven.depends_on.mongo.condition).toBe('service_healthy');
    const url = new URL(haven.environment.DATABASE_URL);
    expect(url.protocol).toBe('mongodb:');
    expect(url.host).toBe('mongo:27017');
    expect(url.searchParams.get('replicaSet')).toBe('rs0');
  });

  it('when its environment is read, then it is a valid production configuration on MongoDB', () => {
    const environment = {
      ...haven.environment,
      HAVEN_MASTER_KEY: Buffer.alloc(32).toString('base64'),
      HAVEN_PUBLIC_URL: 'http://localhost:8080',
    };
    const config = loadConfig(environment);
    expect(config.env).toBe('production');
    expect(config.database.engine).toBe('mongodb');
    expect(haven.environment.HAVEN_MASTER_KEY).toMatch(/^\$\{HAVEN_MASTER_KEY:\?/);
    expect(haven.ports).toEqual([`127.0.0.1:${config.port}:${config.port}`]);
  });

  it('when Haven is built, then it uses the Dockerfile with its data in a named volume', () => {
    expect(haven.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
    const [volume, mountPoint] = haven.volumes[0].split(':');
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(dockerfile).toContain(`HAVEN_DATA_DIR=${mountPoint}`);
  });
});

describe('Dockerfile', () => {
  const stages = dockerfile.match(/^FROM .+$/gm) ?? [];

  it('when built, then a build stage compiles and a slim runtime stage runs the server as a non-root user', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toContain('CMD ["node", "server/dist/main.js"]');
    expect(runtime).not.toMatch(/npm (ci|install)/);
  });

  it('when files are copied from the build context, then each exists in the repository', () => {
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((match) =>
      match[1]!.split(' '),
    );
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(existsSync(join(root, source))).toBe(true);
  });
});
