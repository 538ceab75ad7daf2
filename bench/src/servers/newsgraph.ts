/**
 * Server (a): newsgraph itself, as `npm start` builds it (src/server.ts), with a silent logger. It
 * loads the app compiled into dist/ (see ../build.ts), whose path the parent passes in BENCH_APP_DIST.
 */
import type http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { loopbackUrl, serveChild } from './child.js';

interface App {
  createDriver(options: { uri: string }): Driver;
  createLogger(level: string): unknown;
  startServer(options: {
    driver: Driver;
    logger: unknown;
    port: number;
    host: string;
  }): Promise<{ httpServer: http.Server; close(): Promise<void> }>;
}

const appDist = process.env.BENCH_APP_DIST;
if (!appDist) throw new Error('BENCH_APP_DIST is not set: start this server through spawn.ts');
const load = (module: string) => import(pathToFileURL(path.join(appDist, module)).href) as Promise<Partial<App>>;
const app = Object.assign({}, ...(await Promise.all(['db/database.js', 'logger.js', 'server.js'].map(load)))) as App;

await serveChild(async (uri) => {
  const driver = app.createDriver({ uri });
  const server = await app.startServer({ driver, logger: app.createLogger('silent'), port: 0, host: '127.0.0.1' });
  return {
    url: loopbackUrl(server.httpServer.address(), '/graphql'),
    close: async () => {
      await server.close();
      await driver.close();
    },
  };
});
