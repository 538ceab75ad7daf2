/** What each loader reports: records are nodes plus relationships of the resulting graph. */
export interface LoaderResult {
  loader: string;
  records: number;
  seconds: number;
  recordsPerSecond: number;
  /** For a sampled loader: the time the whole graph would take at the sampled rate. */
  extrapolatedSeconds?: number;
  note: string;
}

export function loaderResult(loader: string, records: number, seconds: number, note: string): LoaderResult {
  return { loader, records, seconds, recordsPerSecond: records / seconds, note };
}
