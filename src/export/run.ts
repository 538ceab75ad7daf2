/** Running an export into a writable stream (an HTTP response, a file), with backpressure. */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { writer, type CsvPart, type Format } from './formats.js';
import type { GraphSource } from './source.js';

/** Joins small chunks into pieces of about 64 KiB: a write per node would cost more than the node. */
export async function* chunked(chunks: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let buffer = '';
  for await (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

/** Writes the source in the format; resolves when all is written, rejects (and stops reading) on error. */
export async function writeExport(source: GraphSource, format: Format, part: CsvPart, out: Writable): Promise<void> {
  await pipeline(Readable.from(chunked(writer(format, part)(source))), out);
}

/** The file name an export suggests: `newsgraph-who-met-whom.graphml`, `newsgraph-graph-edges.csv`. */
export function exportFileName(source: GraphSource, format: Format, part: CsvPart): string {
  return `newsgraph-${source.name}${format === 'csv' ? `-${part}` : ''}.${format}`;
}
