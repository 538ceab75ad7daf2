/** What the shared graph modules need of a request's context: its database view and shared loaders. */
import type { Database } from '../db/database.js';
import type { Loaders } from './loaders.js';

export interface GraphContext {
  db: Database;
  loaders: Loaders;
}
