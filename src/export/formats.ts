/**
 * Writers of the export formats, each an async generator of text chunks that reads its source one
 * node or relationship at a time: GraphML (Cytoscape, NetworkX, yEd), GEXF 1.3 (Gephi), graphology's
 * JSON serialization (graphology, Sigma.js) and CSV (spreadsheets; Gephi's spreadsheet import reads
 * the `Id`/`Label` and `Source`/`Target`/`Type`/`Weight` columns).
 */
import { stringify } from 'csv-stringify/sync';
import type { AttributeSpec, AttributeValue, ExportEdge, ExportNode, GraphSource } from './source.js';

export const formats = ['graphml', 'gexf', 'json', 'csv'] as const;
export type Format = (typeof formats)[number];
export type CsvPart = 'nodes' | 'edges';

export const contentTypes: Record<Format, string> = {
  graphml: 'application/graphml+xml; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** XML 1.0 allows no control characters but tab, newline and carriage return. */
// eslint-disable-next-line no-control-regex
const invalidXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xml(value: string): string {
  return value
    .replace(invalidXml, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Attributes that are present, in declaration order. */
function present(specs: AttributeSpec[], attributes: Record<string, AttributeValue>) {
  return specs.flatMap((spec) => {
    const value = attributes[spec.name];
    return value === null || value === undefined ? [] : [{ spec, value }];
  });
}

const graphmlTypes = { string: 'string', int: 'long', double: 'double' } as const;

export async function* graphml(source: GraphSource): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield (
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
  );
  yield '  <key id="n_label" for="node" attr.name="label" attr.type="string"/>\n';
  for (const spec of source.nodeAttributes) {
    yield `  <key id="n_${spec.name}" for="node" attr.name="${spec.name}" attr.type="${graphmlTypes[spec.type]}"/>\n`;
  }
  for (const spec of source.edgeAttributes) {
    yield `  <key id="e_${spec.name}" for="edge" attr.name="${spec.name}" attr.type="${graphmlTypes[spec.type]}"/>\n`;
  }
  yield `  <graph id="${xml(source.name)}" edgedefault="${source.directed ? 'directed' : 'undirected'}">\n`;
  for await (const node of source.nodes()) {
    let out = `    <node id="${xml(node.id)}"><data key="n_label">${xml(node.label)}</data>`;
    for (const { spec, value } of present(source.nodeAttributes, node.attributes)) {
      out += `<data key="n_${spec.name}">${xml(String(value))}</data>`;
    }
    yield `${out}</node>\n`;
  }
  let index = 0;
  for await (const edge of source.edges()) {
    let out = `    <edge id="e${index++}" source="${xml(edge.source)}" target="${xml(edge.target)}">`;
    for (const { spec, value } of present(source.edgeAttributes, edge.attributes)) {
      out += `<data key="e_${spec.name}">${xml(String(value))}</data>`;
    }
    yield `${out}</edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}

const gexfTypes = { string: 'string', int: 'long', double: 'double' } as const;

function gexfAttributes(specs: AttributeSpec[], attributes: Record<string, AttributeValue>): string {
  const values = present(specs, attributes);
  if (values.length === 0) return '';
  return `<attvalues>${values.map(({ spec, value }) => `<attvalue for="${spec.name}" value="${xml(String(value))}"/>`).join('')}</attvalues>`;
}

export async function* gexf(source: GraphSource): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield (
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n'
  );
  yield `  <meta><creator>newsgraph</creator><description>${xml(source.name)}</description></meta>\n`;
  yield `  <graph defaultedgetype="${source.directed ? 'directed' : 'undirected'}" mode="static">\n`;
  for (const [cls, specs] of [
    ['node', source.nodeAttributes],
    ['edge', source.edgeAttributes],
  ] as const) {
    yield `    <attributes class="${cls}">\n`;
    for (const spec of specs) {
      yield `      <attribute id="${spec.name}" title="${spec.name}" type="${gexfTypes[spec.type]}"/>\n`;
    }
    yield '    </attributes>\n';
  }
  yield '    <nodes>\n';
  for await (const node of source.nodes()) {
    yield `      <node id="${xml(node.id)}" label="${xml(node.label)}">${gexfAttributes(source.nodeAttributes, node.attributes)}</node>\n`;
  }
  yield '    </nodes>\n    <edges>\n';
  let index = 0;
  for await (const edge of source.edges()) {
    const weight = typeof edge.attributes.weight === 'number' ? ` weight="${edge.attributes.weight}"` : '';
    const label =
      typeof edge.attributes.relationship === 'string' ? ` label="${xml(edge.attributes.relationship)}"` : '';
    yield `      <edge id="${index++}" source="${xml(edge.source)}" target="${xml(edge.target)}"${weight}${label}>${gexfAttributes(source.edgeAttributes, edge.attributes)}</edge>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

/** Only the attributes that are present: graphology's format has no declared schema. */
function jsonAttributes(specs: AttributeSpec[], attributes: Record<string, AttributeValue>, extra = {}) {
  return { ...extra, ...Object.fromEntries(present(specs, attributes).map(({ spec, value }) => [spec.name, value])) };
}

/** graphology's serialization format (`Graph.from(json)` reads it back). */
export async function* json(source: GraphSource): AsyncGenerator<string> {
  const options = { type: source.directed ? 'directed' : 'undirected', multi: source.multi, allowSelfLoops: true };
  yield `{"attributes":${JSON.stringify({ name: source.name })},"options":${JSON.stringify(options)},"nodes":[`;
  let first = true;
  for await (const node of source.nodes()) {
    const attributes = jsonAttributes(source.nodeAttributes, node.attributes, { label: node.label });
    yield `${first ? '\n' : ',\n'}${JSON.stringify({ key: node.id, attributes })}`;
    first = false;
  }
  yield '\n],"edges":[';
  first = true;
  for await (const edge of source.edges()) {
    const attributes = jsonAttributes(source.edgeAttributes, edge.attributes);
    yield `${first ? '\n' : ',\n'}${JSON.stringify({ source: edge.source, target: edge.target, attributes })}`;
    first = false;
  }
  yield '\n]}\n';
}

const csvRow = (values: (AttributeValue | undefined)[]) => stringify([values.map((value) => value ?? '')]);

export async function* csvNodes(source: GraphSource): AsyncGenerator<string> {
  yield csvRow(['Id', 'Label', ...source.nodeAttributes.map((spec) => spec.name)]);
  for await (const node of source.nodes()) {
    yield csvRow([node.id, node.label, ...source.nodeAttributes.map((spec) => node.attributes[spec.name])]);
  }
}

export async function* csvEdges(source: GraphSource): AsyncGenerator<string> {
  const specs = source.edgeAttributes.filter((spec) => spec.name !== 'weight');
  yield csvRow(['Source', 'Target', 'Type', 'Weight', ...specs.map((spec) => spec.name)]);
  const type = source.directed ? 'Directed' : 'Undirected';
  for await (const edge of source.edges()) {
    yield csvRow([
      edge.source,
      edge.target,
      type,
      edge.attributes.weight ?? 1,
      ...specs.map((s) => edge.attributes[s.name]),
    ]);
  }
}

/** The writer of a format (for CSV, of one of its two files). */
export function writer(format: Format, part: CsvPart = 'nodes'): (source: GraphSource) => AsyncGenerator<string> {
  if (format === 'graphml') return graphml;
  if (format === 'gexf') return gexf;
  if (format === 'json') return json;
  return part === 'nodes' ? csvNodes : csvEdges;
}

export type { ExportEdge, ExportNode };
