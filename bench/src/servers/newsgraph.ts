/** Server (a): newsgraph itself, as `npm start` builds it (src/server.ts), with a silent logger. */
import { createDriver } from '../../../src/db/database.js';
import { createLogger } from '../../../src/logger.js';
import { startServer } from '../../../src/server.js';
import { loopbackUrl, serveChild } from './child.js';

await serveChild(async (uri) => {
  const driver = createDriver({ uri });
  const server = await startServer({ driver, logger: createLogger('silent'), port: 0, host: '127.0.0.1' });
  return {
    url: loopbackUrl(server.httpServer.address(), '/graphql'),
    close: async () => {
      await server.close();
      await driver.close();
    },
  };
});
