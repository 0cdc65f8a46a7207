import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** First dimension's value → second's → packed days → cases. */
export type Tally = Map<string | null, Map<string | null, Map<number, number>>>;

export type Params = Record<string, string | number>;

/**
 * What each worker runs: its own read-only connection to the database, with an aggregate
 * function that tallies the rows of a scan in a hash table (SQLite's GROUP BY sorts every row
 * first, at twice the cost), answering one query at a time. Plain JavaScript, as a worker
 * cannot load the TypeScript sources the tests run.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
let tallied = null;
db.aggregate('haven_stats_tally', {
  start: () => new Map(),
  step(tally, first, second, packed) {
    let byFirst = tally.get(first);
    if (!byFirst) tally.set(first, (byFirst = new Map()));
    let byDays = byFirst.get(second);
    if (!byDays) byFirst.set(second, (byDays = new Map()));
    byDays.set(packed, (byDays.get(packed) || 0) + 1);
  },
  result(tally) {
    tallied = tally;
    return null;
  },
});
parentPort.on('message', ({ id, sql, params }) => {
  try {
    tallied = null;
    db.prepare(sql).get(params);
    parentPort.postMessage({ id, tally: tallied || new Map() });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message) });
  }
});
`;

interface Pending {
  resolve(tally: Tally): void;
  reject(error: Error): void;
}

/**
 * Runs a statistics scan split over worker threads, each taking the cases whose creation time
 * falls in its share (`created_at % parts = part`), and adds their tallies up. The scans run
 * beside the event loop rather than blocking it, and on as many cores as there are workers.
 * Each worker reads its own snapshot: a case changed while a scan runs may be counted as it was
 * or as it is, but once.
 */
export class StatsScan {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly file: string,
    private readonly parts = Math.max(1, Math.min(2, availableParallelism())),
  ) {}

  /** `sql` selects the tally aggregate and has `@part` and `@parts` in its conditions. */
  async run(sql: string, params: Params): Promise<Tally> {
    const tallies = await Promise.all(
      Array.from({ length: this.parts }, (_, part) =>
        this.ask(part, sql, { ...params, part, parts: this.parts }),
      ),
    );
    return tallies.reduce(merge);
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private ask(part: number, sql: string, params: Params): Promise<Tally> {
    const id = this.nextId++;
    return new Promise<Tally>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker(part).postMessage({ id, sql, params });
    });
  }

  private worker(part: number): Worker {
    const existing = this.workers[part];
    if (existing) return existing;
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), file: this.file },
    });
    // A scan in flight is awaited by its caller; an idle worker keeps no process alive.
    worker.unref();
    worker.on('message', ({ id, tally, error }: { id: number; tally?: Tally; error?: string }) => {
      const pending = this.pending.get(id);
      this.pending.delete(id);
      if (error !== undefined) pending?.reject(new Error(`statistics scan failed: ${error}`));
      else pending?.resolve(tally!);
    });
    const fail = (error: Error) => {
      // Every scan waiting on this worker fails; the next one starts a new worker.
      if (this.workers[part] === worker) delete this.workers[part];
      for (const [id, pending] of this.pending) {
        this.pending.delete(id);
        pending.reject(error);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`statistics worker exited (${code})`)));
    this.workers[part] = worker;
    return worker;
  }
}

function merge(into: Tally, tally: Tally): Tally {
  for (const [first, byFirst] of tally) {
    let intoFirst = into.get(first);
    if (!intoFirst) into.set(first, (intoFirst = new Map()));
    for (const [second, byDays] of byFirst) {
      let intoDays = intoFirst.get(second);
      if (!intoDays) intoFirst.set(second, (intoDays = new Map()));
      for (const [packed, cases] of byDays) {
        intoDays.set(packed, (intoDays.get(packed) ?? 0) + cases);
      }
    }
  }
  return into;
}
