import { join } from 'node:path';
import { openStorage, type Storage } from '../../server/src/storage';
import { killStartedProcesses, runNode } from './processes';
import { makeTempDir } from './tempDir';

const CLI = 'server/dist/cli/main.js';

/**
 * The built `haven` command against a data directory of each test's own (made before the test,
 * removed after it with any process it left running). `run` answers the exit code and output;
 * `withStorage` opens the directory's database for a test to set up or check.
 */
export function havenCommandForEachTest() {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => {
    killStartedProcesses();
    dir.cleanup();
  });

  return {
    /** The running test's data directory. */
    get dataDir(): string {
      return dir.path;
    },
    async run(args: string[], stdin?: string): Promise<{ code: number | null; output: string }> {
      const started = runNode(
        CLI,
        args,
        { HAVEN_DATA_DIR: dir.path, HAVEN_PUBLIC_URL: 'https://haven.example' },
        stdin === undefined ? {} : { stdin },
      );
      const code = await started.exited;
      return { code, output: started.output() };
    },
    async withStorage<T>(work: (storage: Storage) => Promise<T>): Promise<T> {
      const storage = await openStorage(
        { engine: 'sqlite', file: join(dir.path, 'haven.db') },
        { dataDir: dir.path },
      );
      try {
        return await work(storage);
      } finally {
        await storage.close();
      }
    },
  };
}
