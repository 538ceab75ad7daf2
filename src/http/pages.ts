/**
 * The browser pages, built by Vite into dist/web/ (web/build.ts): the GraphiQL playground at `/` and, for
 * browsers (requests that prefer text/html and carry no `query` parameter), at the GraphQL endpoint itself;
 * the graph explorer at `/explore`; their hashed files under `/assets/`. Nothing is loaded from another host.
 */
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { repoRoot } from '../paths.js';

export interface PagesOptions {
  /** Path of the GraphQL endpoint, where browsers also get the playground, e.g. `/graphql`. */
  endpoint: string;
  /** Where the built pages are; dist/web/ by default. */
  dir?: string;
}

export const webOutDir = path.join(repoRoot, 'dist', 'web');

/**
 * Everything comes from this server. Styles also allow 'unsafe-inline': GraphiQL, Monaco and cytoscape set
 * styles at run time. Monaco's language services run in workers built into /assets/.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "img-src 'self' data: blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function wantsPage(req: Request): boolean {
  if (req.accepts(['application/json', 'text/html']) !== 'text/html') return false;
  return !new URL(req.originalUrl, 'http://localhost').searchParams.has('query');
}

export function pagesRouter(options: PagesOptions): express.Router {
  const { endpoint, dir = webOutDir } = options;
  if (!endpoint.startsWith('/')) throw new Error(`pages: endpoint must be a path on this server, got ${endpoint}`);
  const router = express.Router();

  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), {
      // Every file name carries a hash of its content.
      immutable: true,
      maxAge: '1y',
      index: false,
      fallthrough: true,
      setHeaders: (res) => res.setHeader('X-Content-Type-Options', 'nosniff'),
    }),
  );

  const page =
    (file: string, onlyForBrowsers: boolean) =>
    (req: Request, res: Response, next: NextFunction): void => {
      if (onlyForBrowsers) {
        res.vary('Accept');
        if (!wantsPage(req)) {
          next();
          return;
        }
      }
      const html = path.join(dir, file);
      if (!fs.existsSync(html)) {
        res
          .status(503)
          .type('text/plain')
          .send(
            `The browser pages are not built (no ${html}): run \`npm run build:web\`, or start with \`npm start\`.\n`,
          );
        return;
      }
      res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.type('html').sendFile(html, (err?: Error) => {
        if (err && !res.headersSent) next(err);
      });
    };

  router.get('/', page('playground.html', true));
  if (endpoint !== '/') router.get(endpoint, page('playground.html', true));
  router.get('/explore', page('explore.html', false));
  return router;
}
