/**
 * Builds the browser pages with Vite when dist/web/ is missing or older than its inputs (web/ and the
 * lockfile), so `npm start` and `npm test` work on a fresh clone without a separate build step.
 * A stamp in dist/web/ records a hash of the inputs; an unchanged hash skips the build.
 *
 *   tsx web/build.ts           build if stale
 *   tsx web/build.ts --force   build anyway
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const webDir = path.join(root, 'web');
export const webOutDir = path.join(root, 'dist', 'web');
const stampFile = path.join(webOutDir, '.inputs-hash');

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(full) : [full];
    })
    .sort();
}

/** A hash of everything the bundle is made from. */
export function inputsHash(): string {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(webDir), path.join(root, 'package-lock.json')]) {
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function webBuildIsFresh(): boolean {
  return fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === inputsHash();
}

/** Runs `vite build` unless the bundle is fresh; returns whether it built. */
export async function ensureWebBuilt(
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<boolean> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (!options.force && webBuildIsFresh()) return false;
  const hash = inputsHash();
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    throw new Error(
      'The browser pages are not built and Vite is not installed: run `npm ci` (with dev dependencies), then `npm run build:web`.',
    );
  }
  const started = Date.now();
  log('Building the browser pages (playground, explorer) with Vite…');
  await vite.build({ configFile: path.join(webDir, 'vite.config.ts'), logLevel: 'warn' });
  fs.writeFileSync(stampFile, `${hash}\n`);
  log(
    `Built the browser pages into ${path.relative(root, webOutDir)}/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureWebBuilt({ force: process.argv.includes('--force') }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
