/**
 * The child side of a benchmarked server: started by spawn.ts with an IPC channel, it serves on a
 * free port of 127.0.0.1, says where, answers questions about its own memory, and exits when the
 * parent asks or goes away. Imports nothing that loads `graphql`, so each server keeps its own copy.
 */
export interface ChildServer {
  url: string;
  close(): Promise<void>;
}

export type ParentMessage = { type: 'usage' } | { type: 'stop' };
export type ChildMessage =
  { type: 'ready'; url: string } | { type: 'usage'; maxRssKb: number } | { type: 'failed'; error: string };

function send(message: ChildMessage): void {
  process.send?.(message);
}

/** Runs `start` with the Neo4j URI given by the parent and keeps the server up until told to stop. */
export async function serveChild(start: (neo4jUri: string) => Promise<ChildServer>): Promise<void> {
  const uri = process.env.BENCH_NEO4J_URI;
  if (!uri || !process.send) throw new Error('run this module through bench/src/servers/spawn.ts');
  let server: ChildServer;
  try {
    server = await start(uri);
  } catch (error) {
    send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  }
  const stop = async () => {
    await server.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'usage') send({ type: 'usage', maxRssKb: process.resourceUsage().maxRSS });
    else void stop();
  });
  process.on('disconnect', () => void stop());
  send({ type: 'ready', url: server.url });
}

/** http://127.0.0.1:<port><path> of a listening server (never `localhost`, which may resolve to ::1). */
export function loopbackUrl(address: unknown, pathname: string): string {
  if (!address || typeof address !== 'object' || !('port' in address)) throw new Error('server is not listening');
  return `http://127.0.0.1:${String(address.port)}${pathname}`;
}
