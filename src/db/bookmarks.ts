/**
 * Read-your-writes across requests. A write returns a bookmark: Neo4j's bookmarks of its
 * transaction, wrapped in one opaque string. A client that sends it back in the `newsgraph-bookmark`
 * header (several may be given, comma-separated) has that request's reads wait until the member of
 * the cluster answering them has applied those transactions. The API keeps nothing: the client
 * carries the bookmark, so any API process behind a load balancer can serve the read.
 */
export const bookmarkHeader = 'newsgraph-bookmark';

export function encodeBookmark(bookmarks: string[]): string {
  return Buffer.from(JSON.stringify(bookmarks), 'utf8').toString('base64url');
}

export class BookmarkError extends Error {
  override name = 'BookmarkError';
}

/** The Neo4j bookmarks of a header value; throws BookmarkError naming the header when it is not ours. */
export function decodeBookmarks(header: string | undefined): string[] {
  if (!header) return [];
  const out: string[] = [];
  for (const part of header
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    } catch {
      parsed = null;
    }
    if (
      !Array.isArray(parsed) ||
      !parsed.every((b) => typeof b === 'string' && b.length < 1000) ||
      parsed.length > 100
    ) {
      throw new BookmarkError(
        `the ${bookmarkHeader} header holds "${part.slice(0, 40)}", which is not a bookmark this server gave`,
      );
    }
    out.push(...(parsed as string[]));
  }
  return out;
}
