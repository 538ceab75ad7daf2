/**
 * The local Neo4j as a newcomer meets it: `npm run neo4j -- start|stop|status` and `npm start`
 * without Java. Each test uses its own temporary NEO4J_HOME and port.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, mavenProgressOf, repoRoot } from '../src/neo4j/runtime.js';

const tsx = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const homes: string[] = [];

function tempHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-runtime-'));
  homes.push(home);
  return home;
}

function run(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [tsx, script, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: '', ...env },
    timeout: 400_000,
  });
  return { code: result.status, out: result.stdout + result.stderr };
}

afterEach(() => {
  for (const home of homes.splice(0)) {
    run('src/neo4j/cli.ts', ['stop'], { NEO4J_HOME: home });
    fs.rmSync(home, { recursive: true, force: true });
  }
});

// A busy 2-core machine can take minutes to start two Neo4j servers in a row.
describe('npm run neo4j', { timeout: 900_000 }, () => {
  it('starts a server with authentication on, keeps its data across a restart, and stops it', async () => {
    const home = tempHome();
    const port = await freePort();
    const env = {
      NEO4J_HOME: home,
      NEO4J_BOLT_PORT: String(port),
      // A leading '-' as a generated password may have: not taken for an option of neo4j-admin.
      NEO4J_PASSWORD: '-test-password-1',
      NEO4J_HEAP: '512m',
    };

    const started = run('src/neo4j/cli.ts', ['start'], env);
    expect(started.out).toContain(`bolt://127.0.0.1:${port}`);
    expect(started.code).toBe(0);
    expect(run('src/neo4j/cli.ts', ['status'], env)).toMatchObject({ code: 0 });

    const anonymous = neo4j.driver(`bolt://127.0.0.1:${port}`);
    await expect(anonymous.executeQuery('RETURN 1')).rejects.toThrow(/auth|unauthorized/i);
    await anonymous.close();

    const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', '-test-password-1'));
    await driver.executeQuery("CREATE (:Marker {name: 'kept'})");
    await driver.close();

    expect(run('src/neo4j/cli.ts', ['stop'], env)).toMatchObject({ code: 0 });
    expect(run('src/neo4j/cli.ts', ['status'], env)).toMatchObject({ code: 3 });
    expect(run('src/neo4j/cli.ts', ['start'], env).code).toBe(0);

    const again = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', '-test-password-1'));
    const { records } = await again.executeQuery('MATCH (m:Marker) RETURN m.name AS name');
    await again.close();
    expect(records.map((record) => record.get('name'))).toEqual(['kept']);

    const stopped = run('src/neo4j/cli.ts', ['stop'], env);
    expect(stopped.out).toMatch(/stopped/);
    expect(fs.existsSync(path.join(home, 'run', 'neo4j.pid'))).toBe(false);
    // Two starts and two stops of a JVM: on a busy shared 2-core machine each start alone took ~55 s.
  }, 300_000);

  it('finds a stale PID file and removes it', () => {
    const home = tempHome();
    fs.mkdirSync(path.join(home, 'run'), { recursive: true });
    // A PID far above Linux's default pid_max: no process has it.
    fs.writeFileSync(path.join(home, 'run', 'neo4j.pid'), '4194000\n');
    const status = run('src/neo4j/cli.ts', ['status'], { NEO4J_HOME: home });
    expect(status.out).toContain('stale PID file');
    expect(fs.existsSync(path.join(home, 'run', 'neo4j.pid'))).toBe(false);
  });

  it('says what to do when the Bolt port is taken by another program', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    try {
      const result = run('src/neo4j/cli.ts', ['start'], { NEO4J_HOME: tempHome(), NEO4J_BOLT_PORT: String(port) });
      expect(result.code).not.toBe(0);
      expect(result.out).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(result.out).toContain('NEO4J_BOLT_PORT');
    } finally {
      blocker.close();
    }
  });

  it('rejects an unknown command with its usage', () => {
    const result = run('src/neo4j/cli.ts', ['restart-everything'], { NEO4J_HOME: tempHome() });
    expect(result.code).toBe(2);
    expect(result.out).toContain('usage: npm run neo4j -- start|stop|status');
  });
});

describe('npm start without Java', () => {
  it('prints one clear paragraph naming Docker and NEO4J_URI, and exits non-zero', () => {
    // A PATH that has node but no java: a folder with only a link to this node binary.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-nojava-'));
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    const result = run('src/main.ts', [], { PATH: bin, NEO4J_HOME: tempHome() });
    fs.rmSync(bin, { recursive: true, force: true });
    expect(result.code).not.toBe(0);
    expect(result.out).toContain('`java` was not found on PATH');
    expect(result.out).toContain('docker compose up');
    expect(result.out).toContain('NEO4J_URI');
  });
});

describe("the first start's download", () => {
  it("reads Maven's batch output as progress: files and bytes downloaded, jars copied", () => {
    expect(
      mavenProgressOf(
        '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j-kernel/5.26.20/neo4j-kernel-5.26.20.jar (12.5 MB at 3.1 MB/s)',
      ),
    ).toEqual({ downloadedBytes: 12_500_000 });
    expect(mavenProgressOf('Downloaded from central: https://x/y.pom (871 B at 20 kB/s)')).toEqual({
      downloadedBytes: 871,
    });
    expect(
      mavenProgressOf('[INFO] Copying zstd-jni-1.5.6-6.jar to /home/u/newsgraph/.neo4j/lib/zstd-jni-1.5.6-6.jar'),
    ).toEqual({ copied: true });
    expect(mavenProgressOf('[INFO] BUILD SUCCESS')).toEqual({});
  });
});
