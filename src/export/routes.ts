/**
 * `GET /export/{graphml|gexf|json|csv}`: the whole graph, a neighbourhood or a derived network as a
 * file, streamed. Bad parameters get a 400 with a JSON body naming the parameter, an unknown
 * neighbourhood centre a 404; reads run in READ access mode like every other.
 */
import express from 'express';
import { createContext, type ContextDeps } from '../context.js';
import { contentTypes } from './formats.js';
import { ExportRequestError, parseExportRequest } from './request.js';
import { exportFileName, writeExport } from './run.js';

function badRequest(res: express.Response, error: ExportRequestError) {
  res.status(400).json({ error: { code: 'BAD_REQUEST', parameter: error.parameter, message: error.message } });
}

/** Query parameters as single strings; a repeated one is a mistake. */
function singleValues(query: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (typeof value !== 'string') {
      throw new ExportRequestError(name, `Parameter "${name}" must be given once (lists are comma-separated)`);
    }
    out[name] = value;
  }
  return out;
}

export function exportRouter(deps: ContextDeps): express.Router {
  const router = express.Router();
  router.get('/export/:format', async (req, res) => {
    let request;
    try {
      request = parseExportRequest(req.params.format, singleValues(req.query));
    } catch (error) {
      if (error instanceof ExportRequestError) return badRequest(res, error);
      throw error;
    }
    const ctx = createContext(deps);
    let source;
    try {
      source = await request.source(ctx);
    } catch (error) {
      if (error instanceof ExportRequestError) return badRequest(res, error);
      throw error;
    }
    if (!source) {
      res.status(404).json({
        error: {
          code: 'NOT_FOUND',
          parameter: 'neighborhood',
          message: `No node has id "${req.query.neighborhood as string}"`,
        },
      });
      return;
    }
    res.setHeader('content-type', contentTypes[request.format]);
    res.setHeader(
      'content-disposition',
      `attachment; filename="${exportFileName(source, request.format, request.part)}"`,
    );
    try {
      await writeExport(source, request.format, request.part, res);
    } catch (error) {
      // Headers are gone: all that can be done is to cut the response short, so the client sees it fail.
      deps.logger.error({ err: error, url: req.originalUrl }, 'export failed while streaming');
      res.destroy(error as Error);
    }
  });
  return router;
}
