/** `npm run seed -- [files…] [--reset] [--dry-run]`: validate seed files and load them into Neo4j. */
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../config.js';
import { connect } from '../neo4j/connect.js';
import { Neo4jRuntimeError } from '../neo4j/runtime.js';
import { bundledSeedFiles, seedFiles } from './seeder.js';
import { SeedValidationError } from './validate.js';

const usage = 'usage: npm run seed -- [files…] [--reset] [--dry-run]';

async function main(args: string[]): Promise<number> {
  const flags = new Set(args.filter((arg) => arg.startsWith('--')));
  for (const flag of flags) {
    if (!['--reset', '--dry-run', '--help'].includes(flag)) {
      console.error(`unknown option ${flag}\n${usage}`);
      return 2;
    }
  }
  if (flags.has('--help')) {
    console.log(usage);
    return 0;
  }
  const files = args.filter((arg) => !arg.startsWith('--'));
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
        `nodes: ${c.nodeRows} in files, ${c.nodesCreated} created, ${c.nodeRows - c.nodesCreated} already present (updated in place)\n` +
          `relationships: ${c.relationshipRows} in files, ${c.relationshipsCreated} created, ${c.relationshipRows - c.relationshipsCreated} already present (updated in place)\n` +
          `graph: ${report.before.nodes} → ${report.after.nodes} nodes, ${report.before.relationships} → ${report.after.relationships} relationships`,
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
    if (error instanceof SeedValidationError || error instanceof Neo4jRuntimeError) console.error(error.message);
    else console.error(`seeding failed: ${(error as Error).message ?? String(error)}`);
    process.exit(1);
  },
);
