/** The explorer's view, held in the URL's query string so a view can be shared by its address. */
export interface ViewState {
  /** The nodes whose neighbourhoods are drawn, in the order they were expanded. */
  focus: string[];
  /** The node whose details the side panel shows. */
  selected?: string;
  /** The two ends of the highlighted shortest path. */
  pathFrom?: string;
  pathTo?: string;
  /** Hops per expansion (1–3). */
  depth: number;
  /** The most nodes per expansion (1–1000). */
  limit: number;
  /** The relationship types shown and followed; all when undefined. */
  types?: string[];
  /** Dated nodes (meetings, statements, articles) shown only when their date reaches into this range. */
  from?: string;
  to?: string;
}

const list = (value: string | null): string[] => (value ? value.split(',').filter(Boolean) : []);

function bounded(value: string | null, min: number, max: number, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= min && number <= max ? number : fallback;
}

const isoDate = (value: string | null): string | undefined =>
  value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;

export function readState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const [pathFrom, pathTo] = (params.get('path') ?? '').split(',').map((id) => id || undefined);
  return {
    focus: [...new Set(list(params.get('focus')))],
    selected: params.get('selected') ?? undefined,
    pathFrom,
    pathTo,
    depth: bounded(params.get('depth'), 1, 3, 1),
    limit: bounded(params.get('limit'), 1, 1000, 200),
    types: params.has('types') ? list(params.get('types')) : undefined,
    from: isoDate(params.get('from')),
    to: isoDate(params.get('to')),
  };
}

export function writeState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.focus.length) params.set('focus', state.focus.join(','));
  if (state.selected) params.set('selected', state.selected);
  if (state.pathFrom || state.pathTo) params.set('path', [state.pathFrom ?? '', state.pathTo ?? ''].join(','));
  if (state.depth !== 1) params.set('depth', String(state.depth));
  if (state.limit !== 200) params.set('limit', String(state.limit));
  if (state.types) params.set('types', state.types.join(','));
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  const query = params.toString().replace(/%3A/gi, ':').replace(/%2C/gi, ',');
  return query ? `?${query}` : '';
}
