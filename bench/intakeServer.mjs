// One server for the intake benchmark, in its own process so the load generator does not share
// its CPU: `full` is Haven's real app; `bare` is one route doing only the same durable insert.
// Prints its port when listening and answers "rss" messages with its resident set size.
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import express from 'express';

const require = createRequire(import.meta.url);
const dist = (path) => require(`../server/dist/${path}`);
const { loadConfig } = dist('config.js');
const { openStorage } = dist('storage/index.js');
const { createServices } = dist('services.js');
const { createApp } = dist('app.js');
const { Lifecycle } = dist('lifecycle.js');
const { createLogger } = dist('logger.js');
const { Throttle } = dist('modules/abuse/throttle.js');

const [mode, dataDir] = process.argv.slice(2);
const config = loadConfig({
  NODE_ENV: 'test',
  HAVEN_DATA_DIR: dataDir,
  HAVEN_LOG_LEVEL: 'silent',
  ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
});
const storage = await openStorage(config.database, config);

let app;
if (mode === 'full') {
  const services = await createServices(config, storage, randomBytes(32));
  // One load generator is one sender: lift the per-sender budgets, keep everything else.
  const unlimited = { points: 1e9, windowSeconds: 1 };
  services.throttle = new Throttle({
    report: unlimited,
    reportWithoutProof: unlimited,
    receipt: unlimited,
    reporterWrite: unlimited,
  });
  app = createApp({
    config,
    storage,
    logger: createLogger(config),
    lifecycle: new Lifecycle(),
    services,
  });
} else {
  app = express();
  app.use(express.json({ limit: '256kb' }));
  app.post('/api/v1/public/reports', async (req, res) => {
    const id = randomUUID();
    const createdAt = new Date();
    await storage.cases.insert(
      {
        id,
        reference: `HV-${randomBytes(4).toString('hex')}`,
        status: 'new',
        category: req.body.category,
        country: req.body.country ?? null,
        severity: null,
        assigneeId: null,
        month: createdAt.toISOString().slice(0, 7),
        createdAt,
        idempotencyKey: null,
        receiptHash: randomBytes(32).toString('hex'),
        body: { text: req.body },
      },
      { action: 'report.received', actorId: null, subject: { type: 'case', id } },
    );
    res.status(201).json({ reference: id });
  });
}

const server = app.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('message', (message) => {
  if (message === 'rss') process.send?.({ rss: process.memoryUsage().rss });
});
