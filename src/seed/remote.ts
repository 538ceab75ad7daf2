/**
 * `npm run seed -- --url … --token …`: the same seed files, sent to a running server through the
 * `ingestArticle` mutation instead of written to a local Neo4j. Files are checked here first (syntax
 * and format, with file and path); references are checked by the server against its graph. Each
 * file is one mutation, so each is all or nothing on its own.
 */
import { parseSeedFile, formatProblem, type SeedFile, type SeedProblem } from './validate.js';

const mutation = `mutation Ingest($document: JSONObject!) {
  ingestArticle(document: $document) {
    outcome nodesCreated nodesMerged relationshipsCreated relationshipsMerged
    userErrors { path message }
  }
}`;

export class RemoteSeedError extends Error {
  override name = 'RemoteSeedError';
}

interface Payload {
  outcome: string | null;
  nodesCreated: number;
  nodesMerged: number;
  relationshipsCreated: number;
  relationshipsMerged: number;
  userErrors: { path: string[]; message: string }[];
}

export async function sendSeedFiles(
  files: string[],
  options: { url: string; token: string; log: (line: string) => void; fetch?: typeof fetch },
): Promise<void> {
  const parsed: SeedFile[] = [];
  const problems: SeedProblem[] = [];
  for (const file of files) {
    const result = parseSeedFile(file);
    problems.push(...result.problems);
    if (result.document) parsed.push({ file: result.problems[0]?.file ?? file, document: result.document });
  }
  if (problems.length > 0) {
    throw new RemoteSeedError(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in seed files; nothing was sent:\n` +
        problems.map(formatProblem).join('\n'),
    );
  }
  const send = options.fetch ?? fetch;
  for (const { file, document } of parsed) {
    const response = await send(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify({ query: mutation, variables: { document } }),
    });
    const body = (await response.json().catch(() => null)) as {
      data?: { ingestArticle?: Payload };
      errors?: { message: string; extensions?: { code?: string } }[];
    } | null;
    const payload = body?.data?.ingestArticle;
    if (!response.ok || !payload) {
      const error = body?.errors?.[0];
      throw new RemoteSeedError(
        `${file}: the server answered HTTP ${response.status}` +
          (error ? ` ${error.extensions?.code ?? ''}: ${error.message}` : '') +
          (parsed.length > 1 ? ' (files before this one were sent)' : ''),
      );
    }
    if (payload.userErrors.length > 0) {
      const lines = payload.userErrors.map((e) =>
        formatProblem({ file, path: toSeedPath(e.path.slice(1)), message: e.message }),
      );
      throw new RemoteSeedError(`${file} was refused by the server; nothing of it was written:\n${lines.join('\n')}`);
    }
    options.log(
      `${document.article.id}: ${payload.outcome?.toLowerCase()} (${file}; nodes ${payload.nodesCreated} created, ` +
        `${payload.nodesMerged} merged; relationships ${payload.relationshipsCreated} created, ${payload.relationshipsMerged} merged)`,
    );
  }
}

/** `['people', '0', 'name']` → `people[0].name`, as local validation writes paths. */
function toSeedPath(segments: string[]): string {
  return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : `${i === 0 ? '' : '.'}${s}`)).join('');
}
