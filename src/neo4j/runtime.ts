/**
 * A real Neo4j 5.26 Community server, run from the jars on Maven Central, without Docker.
 *
 * `ensureJars` resolves the pinned pom.xml beside this file into `.neo4j/lib` with Maven (once).
 * `startNeo4j` writes a configuration, starts the server's own entry point (the class the
 * distribution's `bin/neo4j console` ends up running) and waits until Bolt answers.
 * The same code serves `npm start`, `npm run neo4j` and the test suite's throwaway instances.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { repoRoot, runtimeDir } from '../paths.js';

export { repoRoot };

// The pom stays in src/ (it is not compiled), so it is found from the project root.
export const pomFile = path.join(repoRoot, 'src', 'neo4j', 'pom.xml');
export const libDir = path.join(runtimeDir, 'lib');
const entryPoint = 'org.neo4j.server.CommunityEntryPoint';
const adminEntryPoint = 'org.neo4j.server.startup.Neo4jAdminCommand';

/** JVM flags of the official distribution's neo4j.conf (`server.jvm.additional`). */
const officialJvmFlags = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+AlwaysPreTouch',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '-XX:FlightRecorderOptions=stackdepth=256',
  '-XX:+UnlockDiagnosticVMOptions',
  '-XX:+DebugNonSafepoints',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
];

export class Neo4jRuntimeError extends Error {
  override name = 'Neo4jRuntimeError';
}

export const missingToolParagraph = (what: string): string =>
  `newsgraph cannot start its own Neo4j: ${what}\n` +
  'It runs Neo4j 5.26 Community from Maven Central, which needs Java 17 or 21 (`java` on PATH) and ' +
  'Maven 3.8+ (`mvn` on PATH). Install them (on Debian: `apt-get install openjdk-17-jre-headless maven`), ' +
  'or use one of the two alternatives: run `docker compose up` (Docker starts Neo4j and the app together), ' +
  'or point newsgraph at a Neo4j you already have with NEO4J_URI (plus NEO4J_USER, NEO4J_PASSWORD and ' +
  'NEO4J_DATABASE), e.g. `NEO4J_URI=neo4j://localhost:7687 NEO4J_PASSWORD=... npm start`.';

/** Checks that `java` (17 or 21) and `mvn` are on PATH; throws the one clear paragraph otherwise. */
export function checkPrerequisites(needMaven: boolean): { javaMajor: number } {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new Neo4jRuntimeError(missingToolParagraph('`java` was not found on PATH.'));
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(java.stderr + java.stdout);
  let major = match ? Number(match[1]) : 0;
  if (major === 1 && match?.[2]) major = Number(match[2]);
  if (major !== 17 && major !== 21) {
    throw new Neo4jRuntimeError(
      missingToolParagraph(`\`java\` on PATH is version ${major || 'unknown'}; Neo4j 5.26 runs on Java 17 or 21.`),
    );
  }
  if (needMaven) {
    const mvn = spawnSync('mvn', ['--version'], { encoding: 'utf8' });
    if (mvn.error || mvn.status !== 0) {
      throw new Neo4jRuntimeError(missingToolParagraph('`mvn` (Maven) was not found on PATH.'));
    }
  }
  return { javaMajor: major };
}

function pinnedVersion(): string {
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(fs.readFileSync(pomFile, 'utf8'));
  if (!match?.[1]) throw new Neo4jRuntimeError(`no <neo4j.version> in ${pomFile}`);
  return match[1];
}

/** What one line of Maven's batch output says about progress: a file downloaded, a jar copied. */
export function mavenProgressOf(line: string): { downloadedBytes?: number; copied?: boolean } {
  const downloaded = /Downloaded from [^:]+: \S+ \(([\d.]+) (B|kB|KB|MB|GB) at/.exec(line);
  if (downloaded) {
    const unit = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 }[downloaded[2] as 'B' | 'kB' | 'KB' | 'MB' | 'GB'];
    return { downloadedBytes: Math.round(Number(downloaded[1]) * unit) };
  }
  return /\] Copying \S+\.jar to /.test(line) ? { copied: true } : {};
}

/**
 * Resolves the pinned Neo4j jars into .neo4j/lib once; later calls only read a marker file.
 * The first run downloads ~150 MB: it logs what Maven has fetched every few seconds rather than
 * staying silent for half a minute or more.
 */
export async function ensureJars(log: (line: string) => void = console.error): Promise<string> {
  const version = pinnedVersion();
  const marker = path.join(libDir, '.resolved');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === version) return libDir;
  checkPrerequisites(true);
  log(`Fetching Neo4j ${version} Community jars from Maven Central into ${libDir} (first run only)...`);
  fs.rmSync(libDir, { recursive: true, force: true });
  fs.mkdirSync(libDir, { recursive: true });
  const mvn = spawn(
    'mvn',
    ['-B', '-f', pomFile, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${libDir}`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let files = 0;
  let bytes = 0;
  let copied = 0;
  const tail: string[] = [];
  const read = (data: Buffer) => {
    for (const line of data.toString().split('\n')) {
      const progress = mavenProgressOf(line);
      if (progress.downloadedBytes !== undefined) {
        files += 1;
        bytes += progress.downloadedBytes;
      }
      if (progress.copied) copied += 1;
      if (line.trim()) tail.push(line);
      if (tail.length > 40) tail.shift();
    }
  };
  mvn.stdout.on('data', read);
  mvn.stderr.on('data', read);
  const report = () =>
    log(`  Maven: ${files} files (${(bytes / 1e6).toFixed(1)} MB) downloaded, ${copied} jars copied so far`);
  const ticker = setInterval(report, 5_000);
  const status = await new Promise<number | string>((resolve) => {
    mvn.once('error', (error) => resolve(error.message));
    mvn.once('close', (code) => resolve(code ?? 'killed'));
  });
  clearInterval(ticker);
  if (status !== 0) {
    throw new Neo4jRuntimeError(
      `Maven could not resolve Neo4j ${version} (${pomFile}); exit code ${status}. ` +
        `Check that Maven Central is reachable, then run the command again. Maven said:\n${tail.join('\n')}`,
    );
  }
  log(`Neo4j ${version}: ${copied} jars in ${libDir} (${files} files, ${(bytes / 1e6).toFixed(1)} MB downloaded).`);
  fs.writeFileSync(marker, `${version}\n`);
  return libDir;
}

export interface InstanceOptions {
  /** Folder holding conf/, data/, logs/, run/ of this instance. */
  home: string;
  boltPort: number;
  /** With auth on, the password of the `neo4j` user; set as the initial password on a new database. */
  password?: string;
  heap?: string;
  pageCache?: string;
}

export interface Instance {
  uri: string;
  pid: number;
  logFile: string;
  child?: ChildProcess;
}

const pidFile = (home: string) => path.join(home, 'run', 'neo4j.pid');

/** The Bolt port written in an instance's configuration by its last start, if any. */
export function configuredBoltPort(home: string): number | null {
  const conf = path.join(home, 'conf', 'neo4j.conf');
  if (!fs.existsSync(conf)) return null;
  const match = /^server\.bolt\.listen_address=.*:(\d+)$/m.exec(fs.readFileSync(conf, 'utf8'));
  return match?.[1] ? Number(match[1]) : null;
}
const logFileOf = (home: string) => path.join(home, 'logs', 'neo4j.log');

function writeConfig(opts: InstanceOptions): string {
  const confDir = path.join(opts.home, 'conf');
  for (const dir of ['conf', 'data', 'logs', 'run']) fs.mkdirSync(path.join(opts.home, dir), { recursive: true });
  const lines = [
    '# Written by src/neo4j/runtime.ts on every start; edit the code or environment, not this file.',
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${opts.boltPort}`,
    'server.bolt.tls_level=DISABLED',
    'server.http.enabled=false',
    'server.https.enabled=false',
    `dbms.security.auth_enabled=${opts.password ? 'true' : 'false'}`,
    'dbms.usage_report.enabled=false',
    `server.directories.data=${path.join(opts.home, 'data')}`,
    `server.directories.logs=${path.join(opts.home, 'logs')}`,
    `server.directories.run=${path.join(opts.home, 'run')}`,
    `server.directories.lib=${libDir}`,
    `server.memory.heap.initial_size=${opts.heap ?? '512m'}`,
    `server.memory.heap.max_size=${opts.heap ?? '1g'}`,
    `server.memory.pagecache.size=${opts.pageCache ?? '512m'}`,
    // Two cores: keep Bolt's thread pool and the transaction memory guard modest.
    'server.bolt.thread_pool_max_size=200',
    'db.memory.transaction.total.max=1g',
    'db.transaction.timeout=60s',
    // Not read when the entry point is started directly (javaArgs passes them), kept for reference.
    ...officialJvmFlags.map((flag) => `server.jvm.additional=${flag}`),
  ];
  fs.writeFileSync(path.join(confDir, 'neo4j.conf'), `${lines.join('\n')}\n`);
  return confDir;
}

function javaArgs(opts: InstanceOptions, mainClass: string, extra: string[]): string[] {
  const confDir = path.join(opts.home, 'conf');
  return [
    `-Xms${opts.heap ?? '512m'}`,
    `-Xmx${opts.heap ?? '1g'}`,
    ...officialJvmFlags.filter((flag) => flag !== '-XX:+AlwaysPreTouch'),
    `-Dbasedir=${opts.home}`,
    '-cp',
    `${path.join(libDir, '*')}`,
    mainClass,
    `--home-dir=${opts.home}`,
    `--config-dir=${confDir}`,
    ...extra,
  ];
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The PID of a running server of this home, or null; a PID file naming a dead process is removed. */
export function runningPid(home: string): {
  pid: number | null;
  stale: boolean;
} {
  const file = pidFile(home);
  if (!fs.existsSync(file)) return { pid: null, stale: false };
  const pid = Number(fs.readFileSync(file, 'utf8').trim());
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return { pid, stale: false };
  fs.rmSync(file, { force: true });
  return { pid: null, stale: true };
}

export function portInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Sets the initial password of a database that has never started; a no-op once it has. */
function setInitialPassword(opts: InstanceOptions, password: string): void {
  if (fs.existsSync(path.join(opts.home, 'data', 'dbms', 'auth.ini'))) return;
  if (fs.existsSync(path.join(opts.home, 'data', 'databases', 'system'))) return;
  const admin = spawnSync(
    'java',
    [
      '-Xmx256m',
      '-cp',
      path.join(libDir, '*'),
      `-Dbasedir=${opts.home}`,
      adminEntryPoint,
      'dbms',
      'set-initial-password',
      // The end of options: a password may start with '-' (a generated one does 1 time in 64).
      '--',
      password,
    ],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        NEO4J_HOME: opts.home,
        NEO4J_CONF: path.join(opts.home, 'conf'),
      },
    },
  );
  if (admin.status !== 0) {
    throw new Neo4jRuntimeError(`neo4j-admin dbms set-initial-password failed:\n${admin.stdout}${admin.stderr}`);
  }
}

/** Waits until Bolt accepts a session, or the process dies, or the time runs out. */
async function waitForBolt(uri: string, password: string | undefined, alive: () => boolean, timeoutMs: number) {
  const auth = password ? neo4j.auth.basic('neo4j', password) : undefined;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (!alive())
      return {
        ok: false as const,
        error: new Error('the Java process exited'),
      };
    const driver = neo4j.driver(uri, auth, {
      connectionTimeout: 2000,
      logging: undefined,
    });
    try {
      await driver.verifyConnectivity();
      return { ok: true as const };
    } catch (error) {
      lastError = error;
    } finally {
      await driver.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { ok: false as const, error: lastError };
}

export interface StartOptions extends InstanceOptions {
  /** Detached servers outlive this process (`npm run neo4j -- start`); attached ones die with it. */
  detached?: boolean;
  timeoutMs?: number;
  log?: (line: string) => void;
}

/** Starts a server for `opts.home`, or reuses the one already running there. */
export async function startNeo4j(opts: StartOptions): Promise<Instance & { reused: boolean }> {
  const log = opts.log ?? console.error;
  const uri = `bolt://127.0.0.1:${opts.boltPort}`;
  const logFile = logFileOf(opts.home);
  checkPrerequisites(false);
  await ensureJars(log);

  const { pid: existing, stale } = runningPid(opts.home);
  if (existing) {
    const port = configuredBoltPort(opts.home) ?? opts.boltPort;
    const existingUri = `bolt://127.0.0.1:${port}`;
    // It may still be starting, or be shutting down after a previous run: wait for one or the other.
    const ready = await waitForBolt(existingUri, opts.password, () => isAlive(existing), 60_000);
    if (ready.ok) {
      log(`Neo4j is already running for ${opts.home} (pid ${existing}, port ${port}); using it.`);
      return { uri: existingUri, pid: existing, logFile, reused: true };
    }
    if (isAlive(existing)) {
      throw new Neo4jRuntimeError(
        `Neo4j (pid ${existing}) is running for ${opts.home} but does not answer on ${existingUri}. ` +
          `Stop it with \`npm run neo4j -- stop\` (or kill ${existing}), then try again; its logs are in ${path.join(opts.home, 'logs')}.`,
      );
    }
    fs.rmSync(pidFile(opts.home), { force: true });
    log(`The Neo4j of a previous run (pid ${existing}) has exited; starting a new one.`);
  }
  if (stale) log(`Removed a stale PID file in ${path.join(opts.home, 'run')} (its process was gone).`);
  if (await portInUse(opts.boltPort)) {
    throw new Neo4jRuntimeError(
      `Port ${opts.boltPort} on 127.0.0.1 is already in use by another program, so Neo4j cannot listen there. ` +
        'Stop that program (`ss -ltnp` shows which one), or choose another port with NEO4J_BOLT_PORT, ' +
        'or use that server with NEO4J_URI if it is a Neo4j you want.',
    );
  }

  writeConfig(opts);
  if (opts.password) setInitialPassword(opts, opts.password);

  const stdout = fs.openSync(path.join(opts.home, 'logs', 'console.log'), 'a');
  const child = spawn('java', javaArgs(opts, entryPoint, []), {
    cwd: opts.home,
    detached: opts.detached ?? false,
    stdio: ['ignore', stdout, stdout],
    env: {
      ...process.env,
      NEO4J_HOME: opts.home,
      NEO4J_CONF: path.join(opts.home, 'conf'),
    },
  });
  fs.closeSync(stdout);
  if (!child.pid) throw new Neo4jRuntimeError('could not start `java`');
  fs.writeFileSync(pidFile(opts.home), `${child.pid}\n`);
  let exited = false;
  child.once('exit', () => {
    exited = true;
    fs.rmSync(pidFile(opts.home), { force: true });
  });
  if (opts.detached) child.unref();

  const ready = await waitForBolt(uri, opts.password, () => !exited, opts.timeoutMs ?? 120_000);
  if (!ready.ok) {
    if (!exited) await stopPid(child.pid);
    throw new Neo4jRuntimeError(
      `Neo4j did not answer on ${uri} (${String((ready.error as Error | undefined)?.message ?? ready.error)}). ` +
        `Its logs are in ${path.join(opts.home, 'logs')}: see neo4j.log, debug.log and console.log.`,
    );
  }
  return { uri, pid: child.pid, logFile, child, reused: false };
}

/** Sends SIGTERM, waits for the clean shutdown, and only then SIGKILL. */
export async function stopPid(pid: number, timeoutMs = 60_000): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

export async function stopNeo4j(home: string): Promise<{ stopped: number | null; stale: boolean }> {
  const { pid, stale } = runningPid(home);
  if (!pid) return { stopped: null, stale };
  await stopPid(pid);
  fs.rmSync(pidFile(home), { force: true });
  return { stopped: pid, stale };
}

/**
 * The password of the local development server: NEO4J_PASSWORD when given, else one generated on
 * first start and kept beside the data (git-ignored), so no secret lives in the repository.
 */
export function localPassword(home: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = path.join(home, 'password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(home, { recursive: true });
  const generated = randomBytes(18).toString('base64url');
  fs.writeFileSync(file, `${generated}\n`, { mode: 0o600 });
  return generated;
}
