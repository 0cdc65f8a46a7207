// Child process for the crash-safety test: inserts cases one after another and prints
// "ack <id>" only after each insert resolved, until it is killed. Runs the compiled server.
const { randomUUID } = require('node:crypto');
const { openStorage } = require('../../server/dist/storage/index.js');

async function main() {
  const [config, dataDir] = [JSON.parse(process.argv[2]), process.argv[3]];
  const storage = await openStorage(config, { dataDir });
  process.stdout.write('ready\n');
  for (let index = 0; ; index += 1) {
    const id = randomUUID();
    const createdAt = new Date();
    await storage.cases.insert(
      {
        id,
        reference: `HV-CRASH-${index}`,
        status: 'new',
        category: 'cyberattack.malware',
        country: null,
        severity: null,
        assigneeId: null,
        tlp: 'AMBER',
        tags: [],
        slaDueAt: null,
        unreadFromReporter: 0,
        month: createdAt.toISOString().slice(0, 7),
        createdAt,
        idempotencyKey: null,
        receiptHash: null,
        body: { index },
      },
      { action: 'case.created', actorId: null, subject: { type: 'case', id } },
    );
    process.stdout.write(`ack ${id}\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
