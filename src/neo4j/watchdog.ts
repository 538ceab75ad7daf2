/**
 * The Neo4j that `npm start` starts must not outlive the API, even when the API is killed with
 * `kill -9` (no exit handler runs then). A watchdog does that: a small detached Node process that
 * checks every second whether the API is still alive and, once it is not, stops that Neo4j and
 * notes it in the instance's logs/watchdog.log. Chosen over "the next start stops the orphan"
 * because the next start may never come, and meanwhile the orphan holds 1-2 GB and its port.
 * A Neo4j started with `npm run neo4j -- start` has no watchdog and is left alone.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

/** The watchdog's program, run with `node -e` so that it needs no build step and no tsx. */
const program = `
const fs = require('node:fs');
const [apiPid, neo4jPid, pidFile, logFile] = process.argv.slice(1);
const alive = (pid) => { try { process.kill(Number(pid), 0); return true; } catch { return false; } };
const note = (line) => { try { fs.appendFileSync(logFile, new Date().toISOString() + ' ' + line + '\\n'); } catch {} };
// Only the process the pid file still names is ours: a reused pid must never be signalled.
const stillOurs = () => { try { return fs.readFileSync(pidFile, 'utf8').trim() === neo4jPid; } catch { return false; } };
const timer = setInterval(() => {
  if (!alive(neo4jPid) || !stillOurs()) process.exit(0);
  if (alive(apiPid)) return;
  clearInterval(timer);
  note('the API (pid ' + apiPid + ') is gone without stopping its Neo4j; stopping Neo4j (pid ' + neo4jPid + ')');
  process.kill(Number(neo4jPid), 'SIGTERM');
  const deadline = Date.now() + 60000;
  const wait = setInterval(() => {
    if (!alive(neo4jPid)) { note('Neo4j (pid ' + neo4jPid + ') stopped'); process.exit(0); }
    if (Date.now() > deadline) { process.kill(Number(neo4jPid), 'SIGKILL'); note('Neo4j (pid ' + neo4jPid + ') killed'); process.exit(0); }
  }, 200);
}, 1000);
`;

/** Starts the watchdog of a Neo4j this process owns; it ends by itself when that Neo4j stops. */
export function watchNeo4j(neo4jPid: number, home: string): number | undefined {
  const child = spawn(
    process.execPath,
    [
      '-e',
      program,
      String(process.pid),
      String(neo4jPid),
      path.join(home, 'run', 'neo4j.pid'),
      path.join(home, 'logs', 'watchdog.log'),
    ],
    // Its own process group: a Ctrl-C or a signal to the API's group must not take it down first.
    { detached: true, stdio: 'ignore' },
  );
  child.unref();
  return child.pid;
}
