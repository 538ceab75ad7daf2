import fs from 'node:fs';
import path from 'node:path';
import type { QueryResolvers } from '../generated/graphql.js';
import { repoRoot } from '../paths.js';

const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

export const aboutResolvers: { Query: Pick<QueryResolvers, 'about'> } = {
  Query: {
    about: async (_parent, _args, { db }) => {
      const [row] = await db.read<{ version: string; edition: string }>(
        'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
      );
      return { version, neo4jVersion: row?.version ?? 'unknown', neo4jEdition: row?.edition ?? 'unknown' };
    },
  },
};
