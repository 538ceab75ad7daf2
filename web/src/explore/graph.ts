/**
 * The drawing: cytoscape.js on a 2D canvas. New neighbourhoods are placed around the node they came from
 * (the rest of the drawing stays where the reader left it); a whole view loaded from the URL is laid out
 * once with fcose. Filters hide elements without removing them, so clearing a filter is instant.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GraphEdge, GraphNode, Subgraph } from './queries.js';

cytoscape.use(fcose);

const COLORS: Record<string, string> = {
  Person: '#2563eb',
  Organization: '#16a34a',
  Place: '#9333ea',
  Meeting: '#ea580c',
  Statement: '#64748b',
  Article: '#0891b2',
  Topic: '#db2777',
};

export function labelOf(node: GraphNode): string {
  const text = node.displayName;
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

/** Up to this many nodes, an expansion lays the whole drawing out again. */
const SMALL_DRAWING = 400;

export interface LayoutFigures {
  nodes: number;
  edges: number;
  layoutMs: number;
}

export interface Filters {
  types?: string[];
  from?: string;
  to?: string;
}

export class GraphView {
  readonly cy: Core;

  constructor(container: HTMLElement) {
    this.cy = cytoscape({
      container,
      minZoom: 0.05,
      maxZoom: 2.5,
      // While the reader pans or zooms, move a cached bitmap of the drawing instead of redrawing thousands of
      // elements at every step; the drawing is redrawn sharp when the gesture ends.
      textureOnViewport: true,
      hideEdgesOnViewport: false,
      motionBlur: false,
      pixelRatio: 1,
      boxSelectionEnabled: false,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': (node: NodeSingular) => COLORS[node.data('type') as string] ?? '#475569',
            label: 'data(label)',
            width: 14,
            height: 14,
            'font-size': 9,
            color: '#1e293b',
            'text-valign': 'bottom',
            'text-margin-y': 2,
            'min-zoomed-font-size': 7,
            'text-max-width': '120px',
            'text-wrap': 'ellipsis',
          },
        },
        { selector: 'node[type = "Statement"]', style: { shape: 'round-rectangle', width: 10, height: 10 } },
        { selector: 'node.focus', style: { width: 22, height: 22, 'border-width': 2, 'border-color': '#0f172a' } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#facc15', 'z-index': 10 } },
        {
          selector: 'edge',
          // Relationships are not clicked: leaving them out of hit-testing spares checking thousands of them
          // at every press and pointer move.
          style: { width: 1, 'line-color': '#cbd5e1', 'curve-style': 'haystack', opacity: 0.8, events: 'no' },
        },
        {
          selector: 'edge.on-path',
          style: {
            width: 5,
            'line-color': '#f97316',
            opacity: 1,
            'z-index': 20,
            label: 'data(type)',
            'font-size': 8,
            color: '#9a3412',
            'text-rotation': 'autorotate',
            'text-background-color': '#fff',
            'text-background-opacity': 0.8,
          },
        },
        {
          selector: 'node.on-path',
          style: { 'border-width': 4, 'border-color': '#f97316', width: 24, height: 24, 'z-index': 20 },
        },
        { selector: '.filtered', style: { display: 'none' } },
      ],
    });
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  /** Adds what is not drawn yet; returns the ids of the new nodes. */
  add(subgraph: Subgraph): string[] {
    const elements: ElementDefinition[] = [];
    const added: string[] = [];
    for (const node of subgraph.nodes) {
      if (this.has(node.id) || added.includes(node.id)) continue;
      added.push(node.id);
      elements.push({ group: 'nodes', data: { id: node.id, type: node.__typename, label: labelOf(node), node } });
    }
    const seen = new Set<string>();
    for (const edge of subgraph.relationships) {
      if (this.has(edge.id) || seen.has(edge.id)) continue;
      seen.add(edge.id);
      elements.push({ group: 'edges', data: edgeData(edge) });
    }
    this.cy.add(elements);
    return added;
  }

  /**
   * Lays out the whole drawing with fcose; returns how long it took. `randomize: false` starts from where the
   * nodes are, so a drawing that grew keeps its overall shape.
   */
  layoutAll(randomize = true): LayoutFigures {
    const started = performance.now();
    const count = this.cy.nodes().length;
    this.sizeLabels();
    this.cy
      .layout({
        name: 'fcose',
        // Above a few hundred nodes the spectral draft alone is good enough and much faster.
        quality: count > 600 ? 'draft' : 'default',
        randomize,
        animate: false,
        fit: false,
        nodeDimensionsIncludeLabels: false,
        idealEdgeLength: () => 60,
        nodeRepulsion: () => 8000,
        numIter: 2500,
      } as cytoscape.LayoutOptions)
      .run();
    return { nodes: count, edges: this.cy.edges().length, layoutMs: performance.now() - started };
  }

  /** In a large drawing, names appear only when zoomed in far enough to read them apart. */
  private sizeLabels(): void {
    this.cy
      .style()
      .selector('node')
      .style('min-zoomed-font-size', this.cy.nodes().length > 300 ? 14 : 7)
      .update();
  }

  /**
   * Places new nodes on rings around the node they were reached from; a small drawing is then laid out
   * again from there (a fraction of a second), a large one keeps every other node where it was.
   */
  layoutAround(centerId: string, newIds: string[]): LayoutFigures & { kind: string } {
    const started = performance.now();
    const center = this.cy.getElementById(centerId);
    const origin = center.nonempty() ? center.position() : { x: 0, y: 0 };
    const perRing = 24;
    newIds
      .filter((id) => id !== centerId)
      .forEach((id, index) => {
        const ring = Math.floor(index / perRing) + 1;
        const angle = ((index % perRing) / perRing) * 2 * Math.PI + ring * 0.3;
        const radius = 70 * ring;
        this.cy
          .getElementById(id)
          .position({ x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) });
      });
    if (this.cy.nodes().length <= SMALL_DRAWING) return { ...this.layoutAll(false), kind: 'layout' };
    this.sizeLabels();
    return {
      nodes: this.cy.nodes().length,
      edges: this.cy.edges().length,
      layoutMs: performance.now() - started,
      kind: 'placed',
    };
  }

  /** Fits the shown elements in view, without blowing a small graph up beyond readable size. */
  fit(): void {
    this.cy.fit(this.cy.elements().not('.filtered'), 30);
    if (this.cy.zoom() > 1.2) {
      this.cy.zoom(1.2);
      this.cy.center(this.cy.elements().not('.filtered'));
    }
  }

  setFocus(ids: string[]): void {
    this.cy.nodes().removeClass('focus');
    for (const id of ids) this.cy.getElementById(id).addClass('focus');
  }

  select(id: string | undefined): void {
    this.cy.nodes(':selected').unselect();
    if (id) this.cy.getElementById(id).select();
  }

  highlightPath(path: Subgraph | undefined): void {
    this.cy.elements('.on-path').removeClass('on-path');
    if (!path) return;
    for (const node of path.nodes) this.cy.getElementById(node.id).addClass('on-path');
    for (const edge of path.relationships) this.cy.getElementById(edge.id).addClass('on-path');
  }

  /** Hides relationships of other types and dated nodes outside the range, and nodes left with nothing shown. */
  applyFilters(filters: Filters, keep: string[]): void {
    const types = filters.types ? new Set(filters.types) : undefined;
    const from = filters.from;
    const to = filters.to;
    this.cy.batch(() => {
      this.cy.elements().removeClass('filtered');
      this.cy.nodes().forEach((element) => {
        const date = (element.data('node') as GraphNode).date;
        if (date && ((from && date.latest < from) || (to && date.earliest > to))) element.addClass('filtered');
      });
      this.cy.edges().forEach((edge) => {
        if (
          (types && !types.has(edge.data('type') as string)) ||
          edge.source().hasClass('filtered') ||
          edge.target().hasClass('filtered')
        )
          edge.addClass('filtered');
      });
      if (types) {
        this.cy.nodes().forEach((node) => {
          if (!keep.includes(node.id()) && node.connectedEdges().not('.filtered').empty()) node.addClass('filtered');
        });
      }
    });
  }

  visibleCounts(): { nodes: number; edges: number } {
    return { nodes: this.cy.nodes().not('.filtered').length, edges: this.cy.edges().not('.filtered').length };
  }

  nodeData(id: string): GraphNode | undefined {
    const element = this.cy.getElementById(id);
    return element.nonempty() ? (element.data('node') as GraphNode) : undefined;
  }

  clear(): void {
    this.cy.elements().remove();
  }
}

function edgeData(edge: GraphEdge): Record<string, unknown> {
  return { id: edge.id, source: edge.from.id, target: edge.to.id, type: edge.type, title: edge.title, role: edge.role };
}
