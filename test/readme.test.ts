/** The example queries of README.md run as written against the Geneva data and return its facts. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/paths.js';
import { startGenevaApi, type TestApi } from './helpers.js';

const examples = [
  ...fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g),
].map((match) => match[1]!);

/** The length of the longest list anywhere in an answer. */
function longestList(value: unknown): number {
  if (Array.isArray(value)) return Math.max(value.length, ...value.map(longestList));
  if (value && typeof value === 'object') return Math.max(0, ...Object.values(value).map(longestList));
  return 0;
}

let api: TestApi;
beforeAll(async () => {
  api = await startGenevaApi();
});
afterAll(async () => api.close());

describe('README examples', () => {
  it('are there', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });

  it.each(examples.map((example, i) => [i + 1, example] as const))(
    'example %i runs and finds Geneva facts',
    async (_i, example) => {
      const data = await api.ask(example);
      for (const [field, value] of Object.entries(data ?? {})) {
        expect(value, field).not.toBeNull();
        if (Array.isArray(value)) expect(value.length, field).toBeGreaterThan(0);
        if (value && typeof value === 'object' && 'edges' in value)
          expect((value as { edges: unknown[] }).edges.length, field).toBeGreaterThan(0);
        if (value && typeof value === 'object' && 'nodes' in value)
          expect((value as { nodes: unknown[] }).nodes.length, field).toBeGreaterThan(0);
      }
      // Below the root too: an example whose object comes back with every list empty finds nothing.
      expect(longestList(data), JSON.stringify(data).slice(0, 300)).toBeGreaterThan(0);
      expect(JSON.stringify(data)).toMatch(/ryabkov|sherman|geneva|jenewa|russia|rusia|united[ -]states|amerika|nato/i);
    },
  );
});
