/**
 * `npm run seed -- [files…] [--reset] [--dry-run]`: validate seed files and load them into Neo4j.
 * `npm run seed -- --url http://host:4000/graphql --token … [files…]`: send them to a running server.
 */
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../config.js';
import { connect } from '../neo4j/connect.js';
import { Neo4jRuntimeError } from '../neo4j/runtime.js';
import { bundledSeedFiles, describeSteps, seedFiles } from './seeder.js';
import { RemoteSeedError, sendSeedFiles } from './remote.js';
import { SeedValidationError } from './validate.js';

const usage = `usage: npm run seed -- [files…] [--reset] [--dry-run]
       npm run seed -- --url http://host:4000/graphql [--token TOKEN] [files…]   (token also from NEWSGRAPH_TOKEN)`;

async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        reset: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
        url: { type: 'string' },
        token: { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const { values, positionals: files } = parsed;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const flags = new Set([...(values.reset ? ['--reset'] : []), ...(values['dry-run'] ? ['--dry-run'] : [])]);
  if (values.url) {
    const token = values.token ?? process.env.NEWSGRAPH_TOKEN;
    if (!token) {
      console.error(`--url needs a write token: --token TOKEN or NEWSGRAPH_TOKEN\n${usage}`);
      return 2;
    }
    if (flags.size > 0) {
      console.error(`--reset and --dry-run work on a local database only\n${usage}`);
      return 2;
    }
    await sendSeedFiles(files.length > 0 ? files : bundledSeedFiles(), {
      url: values.url,
      token,
      log: (line) => console.log(line),
    });
    return 0;
  }
  const connection = await connect(loadConfig(), (line) => console.error(line));
  const bar = new SingleBar(
    { format: 'seeding [{bar}] {percentage}% {value}/{total} rows', clearOnComplete: true },
    Presets.shades_classic,
  );
  let barStarted = false;
  try {
    const report = await seedFiles(connection.driver, files.length > 0 ? files : bundledSeedFiles(), {
      database: connection.database,
      reset: flags.has('--reset'),
      dryRun: flags.has('--dry-run'),
      onProgress: (done, total) => {
        if (total < 20_000) return;
        if (!barStarted) {
          bar.start(total, 0);
          barStarted = true;
        }
        bar.update(done);
      },
    });
    if (barStarted) bar.stop();
    console.log(`${flags.has('--dry-run') ? 'valid' : 'seeded'}: ${report.files.join(', ')}`);
    if (report.counts) {
      const c = report.counts;
      console.log(
        `articles: ${c.documents.created} new, ${c.documents.replaced} changed (replaced), ${c.documents.unchanged} unchanged (skipped)\n` +
          `nodes: ${c.nodesCreated} created, ${c.nodesMerged} merged into existing ones\n` +
          `relationships: ${c.relationshipsCreated} created, ${c.relationshipsMerged} merged into existing ones\n` +
          `graph: ${report.before.nodes} → ${report.after.nodes} nodes, ${report.before.relationships} → ${report.after.relationships} relationships\n` +
          `time: ${describeSteps(report.seconds)}`,
      );
    }
    return 0;
  } finally {
    if (barStarted) bar.stop();
    await connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof SeedValidationError || error instanceof Neo4jRuntimeError || error instanceof RemoteSeedError)
      console.error(error.message);
    else console.error(`seeding failed: ${(error as Error).message ?? String(error)}`);
    process.exit(1);
  },
);
