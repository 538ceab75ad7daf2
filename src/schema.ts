/** The GraphQL schema: the SDL files of schema/ with the resolvers of each domain. */
import fs from 'node:fs';
import path from 'node:path';
import { schemaDir } from './paths.js';
import { resolvers } from './resolvers.js';

export function loadTypeDefs(): string[] {
  return fs
    .readdirSync(schemaDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => fs.readFileSync(path.join(schemaDir, file), 'utf8'));
}

export { resolvers };
