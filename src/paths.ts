/** Where the project's files are, whether run from src/ (tsx) or from dist/src/ (compiled). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const schemaDir = path.join(repoRoot, 'schema');
export const seedsDir = path.join(repoRoot, 'seeds');
export const runtimeDir = path.join(repoRoot, '.neo4j');
