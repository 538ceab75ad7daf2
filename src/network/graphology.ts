/**
 * graphology's algorithm packages are CommonJS (`module.exports = fn`) but their type declarations say
 * `export default fn`; under NodeNext, TypeScript then types a default import as the module object.
 * This module hands out each function typed as declared and taken as it really is at run time.
 */
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import louvainModule from 'graphology-communities-louvain';

function commonJsDefault<T>(module: { default: T }): T {
  return (module as { default?: T }).default ?? (module as unknown as T);
}

export const pagerank = commonJsDefault(pagerankModule);
export const betweennessCentrality = commonJsDefault(betweennessModule);
export const louvain = commonJsDefault(louvainModule);
export { DirectedGraph, MultiDirectedGraph, UndirectedGraph } from 'graphology';
export type { AbstractGraph } from 'graphology-types';
