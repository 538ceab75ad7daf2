/**
 * Server (c): a minimal node:http handler. POST /<scenario> with the variables as a JSON body runs
 * that scenario's one Cypher query (READ routing) and answers `{"data": …}` as newsgraph would.
 */
import http from 'node:http';
import neo4j from 'neo4j-driver';
import { loopbackUrl, serveChild } from './child.js';
import { rawHandlers } from './raw-queries.js';

await serveChild(async (uri) => {
  // The same driver settings as newsgraph's createDriver.
  const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true, maxConnectionPoolSize: 100 });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const handler = rawHandlers[(req.url ?? '/').slice(1)];
      if (req.method !== 'POST' || !handler) {
        res.writeHead(404).end();
        return;
      }
      const reply = (status: number, body: unknown) => {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      };
      let vars: Record<string, unknown>;
      try {
        vars = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        reply(400, { errors: [{ message: 'body is not JSON' }] });
        return;
      }
      handler(driver, vars).then(
        (data) => reply(200, { data }),
        (error: unknown) =>
          reply(500, { errors: [{ message: error instanceof Error ? error.message : String(error) }] }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: loopbackUrl(server.address(), ''),
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await driver.close();
    },
  };
});
