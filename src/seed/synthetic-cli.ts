/**
 * `npm run seed:synthetic -- [--scale tiny|small|medium|large] [--seed N] [--reset] [--batch-size ROWS] [--concurrency N]`:
 * generates the deterministic synthetic corpus and loads it through the seeder.
 */
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../config.js';
import { connect } from '../neo4j/connect.js';
import { defaultConcurrency } from './load.js';
import { describeSteps, seedDocuments } from './seeder.js';
import { presets, syntheticSeedInputs } from './synthetic.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'small' },
      seed: { type: 'string', default: '1' },
      reset: { type: 'boolean', default: false },
      'batch-size': { type: 'string', default: '5000' },
      concurrency: { type: 'string', default: String(defaultConcurrency) },
    },
  });
  const preset = presets[values.scale];
  const seed = Number(values.seed);
  if (!preset) {
    console.error(`--scale must be one of ${Object.keys(presets).join(', ')}`);
    return 2;
  }
  if (!Number.isInteger(seed)) {
    console.error('--seed must be an integer');
    return 2;
  }
  const batchSize = Number(values['batch-size']);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(batchSize) || batchSize < 1 || !Number.isInteger(concurrency) || concurrency < 1) {
    console.error('--batch-size and --concurrency must be positive integers');
    return 2;
  }
  const generated = Date.now();
  const documents = syntheticSeedInputs(preset, seed);
  console.log(
    `generated ${documents.length} documents (scale ${values.scale}, seed ${seed}) in ${Date.now() - generated} ms`,
  );

  const connection = await connect(loadConfig(), (line) => console.error(line));
  const bar = new SingleBar(
    { format: 'loading [{bar}] {percentage}% {value}/{total} rows | {eta}s left' },
    Presets.shades_classic,
  );
  let started = false;
  try {
    const t0 = Date.now();
    const report = await seedDocuments(connection.driver, documents, {
      database: connection.database,
      reset: values.reset,
      transaction: 'batched',
      batchSize,
      concurrency,
      onProgress: (done, total) => {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
    });
    if (started) bar.stop();
    const seconds = (Date.now() - t0) / 1000;
    const rows = (report.counts?.nodeRows ?? 0) + (report.counts?.relationshipRows ?? 0);
    console.log(
      `loaded ${report.counts?.nodeRows} node rows and ${report.counts?.relationshipRows} relationship rows in ${seconds.toFixed(1)} s ` +
        `(${Math.round(rows / seconds)} records/s, validation included)\n` +
        `time: ${describeSteps(report.seconds)}\n` +
        `graph: ${report.after.nodes} nodes, ${report.after.relationships} relationships`,
    );
    return 0;
  } finally {
    if (started) bar.stop();
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
