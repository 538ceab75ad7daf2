/**
 * An offline GraphQL playground: GraphiQL 3 with React 18, every file served by this server from node_modules,
 * nothing loaded from a CDN. The page is served at `/` and, for browsers (requests that prefer text/html and carry
 * no `query` parameter), at the GraphQL endpoint itself; everything else on the endpoint falls through to Apollo.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';

export interface PlaygroundOptions {
  /** Path of the GraphQL endpoint, relative to where the router is mounted, e.g. `/graphql`. */
  endpoint: string;
  /** Title of the page; `newsgraph` by default. */
  title?: string;
}

const DEFAULT_QUERY = `# newsgraph: who said what, when, where, to whom,
# according to which article.
#
# Run with the button or Ctrl-Enter; Docs (top left) has
# every type and field. Also try:
#   search(text: "Jenewa") { score node { id } }
#   meetings(filter: { place: "place:geneva" }) { nodes { name } }
#   timeline(of: "person:wendy-sherman") { nodes { __typename } }
#   neighborhood(of: "place:geneva", depth: 2) { nodes { id } }
{
  people(first: 10) {
    totalCount
    nodes {
      id
      name
      positions { edges { title node { name } } }
      statements(first: 3) { nodes { kind date { iso precision } summary } }
    }
  }
}
`;

/**
 * Scripts, stylesheets and requests go only to this server. Styles also allow 'unsafe-inline': GraphiQL injects
 * <style> elements at run time (and the page sets its own height in one); its stylesheet embeds its fonts and
 * images as data: URLs.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Reads the config block written into the page and renders GraphiQL; served as a file so no inline script is needed. */
const INIT_SCRIPT = `'use strict';
(function () {
  var config = JSON.parse(document.getElementById('playground-config').textContent);
  var fetcher = GraphiQL.createFetcher({
    url: config.endpoint,
    headers: { 'apollo-require-preflight': 'true' },
  });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: config.defaultQuery,
    }),
  );
})();
`;

const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Asset {
  file: string;
  version: string;
}

const require = createRequire(import.meta.url);

function packageAsset(pkg: string, file: string): Asset {
  const manifest = require.resolve(`${pkg}/package.json`);
  const resolved = path.join(path.dirname(manifest), file);
  if (!existsSync(resolved)) throw new Error(`playground: ${pkg} has no ${file} (looked for ${resolved})`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { file: resolved, version };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that is safe inside a <script> element: no `<` can close it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function wantsPage(req: Request): boolean {
  if (req.accepts(['application/json', 'text/html']) !== 'text/html') return false;
  return !new URL(req.originalUrl, 'http://localhost').searchParams.has('query');
}

export function playgroundRouter(options: PlaygroundOptions): express.Router {
  const { endpoint, title = 'newsgraph' } = options;
  if (!endpoint.startsWith('/')) throw new Error(`playground: endpoint must be a path on this server, got ${endpoint}`);

  const assets = {
    'react.js': packageAsset('react', 'umd/react.production.min.js'),
    'react-dom.js': packageAsset('react-dom', 'umd/react-dom.production.min.js'),
    'graphiql.js': packageAsset('graphiql', 'graphiql.min.js'),
    'graphiql.css': packageAsset('graphiql', 'graphiql.min.css'),
  };
  const initVersion = createHash('sha256').update(INIT_SCRIPT).digest('hex').slice(0, 12);

  const router = express.Router();

  for (const [name, asset] of Object.entries(assets)) {
    router.get(`/playground/${name}`, (_req: Request, res: Response, next: NextFunction) => {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.sendFile(asset.file, { maxAge: '1y', immutable: true, dotfiles: 'allow' }, (err?: Error) => {
        if (err && !res.headersSent) next(err);
      });
    });
  }

  router.get('/playground/init.js', (_req: Request, res: Response) => {
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('Cache-Control', IMMUTABLE);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(INIT_SCRIPT);
  });

  const page = (req: Request, res: Response, next: NextFunction): void => {
    res.vary('Accept');
    if (!wantsPage(req)) {
      next();
      return;
    }
    const base = `${req.baseUrl}/playground`;
    const config = scriptJson({ endpoint: `${req.baseUrl}${endpoint}`, defaultQuery: DEFAULT_QUERY });
    const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${base}/graphiql.css?v=${assets['graphiql.css'].version}" />
    <style>
      html, body, #graphiql { height: 100%; margin: 0; }
    </style>
  </head>
  <body>
    <div id="graphiql">Loading the GraphQL playground…</div>
    <script type="application/json" id="playground-config">${config}</script>
    <script src="${base}/react.js?v=${assets['react.js'].version}"></script>
    <script src="${base}/react-dom.js?v=${assets['react-dom.js'].version}"></script>
    <script src="${base}/graphiql.js?v=${assets['graphiql.js'].version}"></script>
    <script src="${base}/init.js?v=${initVersion}"></script>
  </body>
</html>
`;
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.type('html').send(html);
  };

  router.get('/', page);
  if (endpoint !== '/') router.get(endpoint, page);

  return router;
}
