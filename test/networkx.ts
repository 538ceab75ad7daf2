/**
 * Python's NetworkX as an independent implementation to check against: present on the project's
 * machines (python3 with networkx), and the checks that need it say so when it is missing.
 */
import { spawn, spawnSync } from 'node:child_process';

export const hasNetworkx =
  spawnSync('python3', ['-c', 'import networkx'], { stdio: 'ignore', timeout: 60_000 }).status === 0;

/**
 * Runs a Python script with `input` on its standard input and returns what it prints, parsed as JSON.
 * Asynchronous, so that the event loop keeps running (and an HTTP client keeps its idle connections
 * in order) while Python works.
 */
export function python<T = any>(script: string, input = ''): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', script], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`python3 failed (${code}): ${stderr}`));
      else resolve(JSON.parse(stdout) as T);
    });
    child.stdin.end(input);
  });
}
