/**
 * Server (b): @neo4j/graphql 7 over the same graph, served by Apollo Server 5's standalone server
 * as the library's documentation shows. String range filters (gte/lte) are enabled for dates.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import { serveChild } from './child.js';
import { typeDefs } from './neo4j-graphql-typedefs.js';

await serveChild(async (uri) => {
  const driver = neo4j.driver(uri);
  const neoSchema = new Neo4jGraphQL({
    typeDefs,
    driver,
    features: { filters: { String: { GT: true, GTE: true, LT: true, LTE: true } } },
  });
  const apollo = new ApolloServer({ schema: await neoSchema.getSchema() });
  const { url } = await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' } });
  return {
    url: url.replace('localhost', '127.0.0.1'),
    close: async () => {
      await apollo.stop();
      await driver.close();
    },
  };
});
