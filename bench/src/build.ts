/**
 * Every benchmarked server runs as compiled JavaScript, as a user deploys it: the app is compiled
 * with its own build config into dist/ (`npm run build`, without source maps), the servers of
 * bench/src/servers into bench/dist/servers. No tsx and no source maps at run time: the driver takes
 * a stack trace per query, which costs several times more with source maps installed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../src/paths.js';

const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');

/** Where the compiled app's modules are (dist/src). */
export const appDist = path.join(repoRoot, 'dist', 'src');

export function buildServers(log: (line: string) => void): void {
  const started = Date.now();
  for (const args of [
    ['-p', path.join(repoRoot, 'tsconfig.build.json'), '--sourceMap', 'false'],
    ['-p', path.join(repoRoot, 'bench', 'tsconfig.servers.json')],
  ]) {
    const run = spawnSync(process.execPath, [tsc, ...args], { cwd: repoRoot, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`tsc ${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
  }
  log(`compiled the app and the servers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
