/** `npm run neo4j -- start|stop|status`: the local Neo4j server of `npm start`, by hand. */
import { loadConfig } from '../config.js';
import { configuredBoltPort, Neo4jRuntimeError, localPassword, runningPid, startNeo4j, stopNeo4j } from './runtime.js';

const usage = 'usage: npm run neo4j -- start|stop|status';

async function main(command: string | undefined): Promise<number> {
  const config = loadConfig();
  const home = config.NEO4J_HOME;
  switch (command) {
    case 'start': {
      const instance = await startNeo4j({
        home,
        boltPort: config.NEO4J_BOLT_PORT,
        password: localPassword(home, config.NEO4J_PASSWORD),
        heap: config.NEO4J_HEAP,
        pageCache: config.NEO4J_PAGECACHE,
        detached: true,
      });
      if (!instance.reused)
        console.log(`Neo4j started (pid ${instance.pid}) at ${instance.uri}; logs in ${instance.logFile}`);
      return 0;
    }
    case 'stop': {
      const { stopped, stale } = await stopNeo4j(home);
      if (stopped) console.log(`Neo4j (pid ${stopped}) stopped.`);
      else console.log(stale ? 'Neo4j was not running (removed a stale PID file).' : 'Neo4j was not running.');
      return 0;
    }
    case 'status': {
      const { pid, stale } = runningPid(home);
      if (pid)
        console.log(
          `running (pid ${pid}), bolt://127.0.0.1:${configuredBoltPort(home) ?? config.NEO4J_BOLT_PORT}, home ${home}`,
        );
      else console.log(stale ? 'stopped (removed a stale PID file)' : 'stopped');
      return pid ? 0 : 3;
    }
    default:
      console.error(usage);
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Neo4jRuntimeError ? error.message : error);
    process.exit(1);
  },
);
