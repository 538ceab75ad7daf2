/**
 * The graph explorer: search an entity, draw its neighbourhood, click to expand, read a node's statements,
 * highlight the shortest path between two nodes, filter by relationship type and date. The URL holds the
 * view (./state.ts), so a view can be shared by its address. Only the public GraphQL API is used.
 */
import './style.css';
import { request } from '../graphql.js';
import { h } from './dom.js';
import { GraphView, type LayoutFigures } from './graph.js';
import { renderDetails, renderMessage, renderPath, statementFilterFor, type PanelActions } from './panel.js';
import {
  DETAILS,
  NEIGHBORHOOD,
  SHORTEST_PATH,
  type GraphNode,
  type NodeDetails,
  type StatementView,
  type Subgraph,
} from './queries.js';
import { setUpSearch } from './search.js';
import { readState, writeState, type ViewState } from './state.js';

const $ = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`explorer: no #${id} on the page`);
  return element as T;
};

const view = new GraphView($('graph'));
const panel = $('panel');
const status = $('status');
let state: ViewState = readState(window.location.search);
let path: Subgraph | null | undefined;

/** Figures the status bar shows (and the browser test reads): how long drawing took. */
const stats = {
  firstDrawMs: undefined as number | undefined,
  lastLayout: undefined as (LayoutFigures & { kind: string }) | undefined,
};
declare global {
  interface Window {
    /** For the console and the browser test: the cytoscape instance and the timing figures. */
    newsgraphExplorer: { cy: GraphView['cy']; stats: typeof stats; ready: boolean; busy: number };
  }
}
window.newsgraphExplorer = { cy: view.cy, stats, ready: false, busy: 0 };

function saveState(): void {
  const query = writeState(state);
  if (query !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${query}`);
}

function showStatus(message?: string): void {
  const { nodes, edges } = view.visibleCounts();
  const parts = [`${nodes} nodes, ${edges} relationships shown`];
  if (stats.lastLayout) parts.push(`${stats.lastLayout.kind} ${stats.lastLayout.layoutMs.toFixed(0)} ms`);
  if (stats.firstDrawMs !== undefined) parts.push(`first drawn ${stats.firstDrawMs.toFixed(0)} ms after page load`);
  if (message) parts.push(message);
  status.textContent = parts.join(' · ');
}

/** Resolves once the drawing has been painted. */
function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

function applyFilters(): void {
  view.applyFilters(state, [...state.focus, ...(state.selected ? [state.selected] : [])]);
}

async function neighborhood(id: string): Promise<Subgraph & { truncated: boolean }> {
  const answer = await request<{ neighborhood: (Subgraph & { truncated: boolean }) | null }>(NEIGHBORHOOD, {
    of: id,
    depth: state.depth,
    limit: state.limit,
    types: state.types,
  });
  if (!answer.neighborhood) throw new Error(`No node has the id ${id}.`);
  return answer.neighborhood;
}

async function expand(id: string): Promise<void> {
  if (state.focus.includes(id)) return;
  showStatus(`expanding ${id}…`);
  const subgraph = await neighborhood(id);
  const first = view.cy.nodes().empty();
  const added = view.add(subgraph);
  state.focus.push(id);
  view.setFocus(state.focus);
  stats.lastLayout = first ? { ...view.layoutAll(), kind: 'layout' } : view.layoutAround(id, added);
  applyFilters();
  if (first || stats.lastLayout.kind === 'layout') view.fit();
  saveState();
  await painted();
  showStatus(subgraph.truncated ? `neighbourhood cut at ${state.limit} nodes` : `expanded ${id}`);
}

async function select(id: string | undefined): Promise<void> {
  state.selected = id;
  view.select(id);
  saveState();
  if (!id) return;
  const known = view.nodeData(id);
  renderMessage(panel, `Loading ${known ? known.id : id}…`);
  const filter = known ? statementFilterFor(known) : undefined;
  const answer = await request<{
    node: NodeDetails | null;
    statements: { totalCount: number; nodes: StatementView[] };
  }>(DETAILS, { id, statements: filter ?? { speaker: id } });
  if (state.selected !== id) return;
  if (!answer.node) {
    renderMessage(panel, `No node has the id ${id}.`, 'error');
    return;
  }
  const kind = statementFilterFor(answer.node);
  renderDetails(panel, answer.node, kind ? answer.statements : undefined, kind && Object.keys(kind)[0], actions);
}

async function showPath(): Promise<void> {
  const ends = {
    from: state.pathFrom ? view.nodeData(state.pathFrom) : undefined,
    to: state.pathTo ? view.nodeData(state.pathTo) : undefined,
  };
  path = undefined;
  if (state.pathFrom && state.pathTo) {
    const answer = await request<{ shortestPath: Subgraph | null }>(SHORTEST_PATH, {
      from: state.pathFrom,
      to: state.pathTo,
      types: state.types,
    });
    path = answer.shortestPath;
    if (path) {
      const added = view.add(path);
      if (added.length) view.layoutAround(state.pathFrom, added);
    }
  }
  view.highlightPath(path ?? undefined);
  applyFilters();
  renderPath(panel, ends, path, actions);
  saveState();
  showStatus(path ? `path of ${path.relationships.length} hops` : undefined);
}

function report(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  renderMessage(panel, message, 'error');
  showStatus('failed');
}

/** Runs a piece of work started by the reader; `busy` counts those still under way. */
function run(work: Promise<unknown>): void {
  window.newsgraphExplorer.busy++;
  void work.catch(report).finally(() => window.newsgraphExplorer.busy--);
}

const actions: PanelActions = {
  expand: (id) => run(expand(id)),
  select: (id) => run(select(id)),
  pathFrom: (id) => {
    state.pathFrom = id;
    run(showPath());
  },
  pathTo: (id) => {
    state.pathTo = id;
    run(showPath());
  },
};

view.cy.on('tap', 'node', (event) => {
  const id = (event.target as { id(): string }).id();
  run(Promise.all([select(id), expand(id)]));
});

setUpSearch($<HTMLInputElement>('search'), $('suggestions'), (node: GraphNode) => {
  run(
    (async () => {
      await expand(node.id);
      view.cy.center(view.cy.getElementById(node.id));
      await select(node.id);
    })(),
  );
});

// Filters: relationship types (from the schema's own enum), depth, date range.
async function setUpFilters(): Promise<void> {
  const depth = $<HTMLSelectElement>('depth');
  depth.value = String(state.depth);
  depth.addEventListener('change', () => {
    state.depth = Number(depth.value);
    saveState();
  });
  for (const [key, element] of [
    ['from', $<HTMLInputElement>('date-from')],
    ['to', $<HTMLInputElement>('date-to')],
  ] as const) {
    element.value = state[key] ?? '';
    element.addEventListener('change', () => {
      state[key] = element.value || undefined;
      applyFilters();
      saveState();
      showStatus();
    });
  }
  const answer = await request<{ __type: { enumValues: { name: string; description: string }[] } }>(
    '{ __type(name: "RelationshipType") { enumValues { name description } } }',
  );
  const all = answer.__type.enumValues.map((value) => value.name);
  const fieldset = $('types');
  for (const value of answer.__type.enumValues) {
    const box = h('input', { type: 'checkbox', value: value.name, 'aria-label': value.name }) as HTMLInputElement;
    box.checked = !state.types || state.types.includes(value.name);
    box.addEventListener('change', () => {
      const checked = [...fieldset.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value);
      state.types = checked.length === all.length ? undefined : checked;
      applyFilters();
      saveState();
      showStatus();
    });
    fieldset.append(h('label', { title: value.description }, box, ` ${value.name}`));
  }
}

$('fit').addEventListener('click', () => view.fit());
$('clear').addEventListener('click', () => {
  view.clear();
  state = { ...state, focus: [], selected: undefined, pathFrom: undefined, pathTo: undefined };
  path = undefined;
  renderPath(panel, {}, undefined, actions);
  renderMessage(panel, 'Search an entity to draw its neighbourhood.');
  saveState();
  showStatus();
});

/** Restores a shared view: every neighbourhood of the URL at once, laid out together. */
async function restore(): Promise<void> {
  const focus = state.focus;
  if (focus.length) {
    showStatus(`loading ${focus.length} neighbourhoods…`);
    const subgraphs = await Promise.all(focus.map((id) => neighborhood(id)));
    for (const subgraph of subgraphs) view.add(subgraph);
    view.setFocus(focus);
    stats.lastLayout = { ...view.layoutAll(), kind: 'layout' };
    applyFilters();
    view.fit();
    await painted();
    stats.firstDrawMs = performance.now();
  }
  if (state.pathFrom || state.pathTo) await showPath();
  if (state.selected) await select(state.selected);
  showStatus();
}

run(
  (async () => {
    await Promise.all([setUpFilters(), restore()]);
    window.newsgraphExplorer.ready = true;
  })(),
);
