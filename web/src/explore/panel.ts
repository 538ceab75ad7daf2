/** The side panel: the selected node's details, its statements, and the path between two picked nodes. */
import { h } from './dom.js';
import { labelOf } from './graph.js';
import type { GraphNode, NodeDetails, StatementView, Subgraph } from './queries.js';

export interface PanelActions {
  expand(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
  select(id: string): void;
}

/** Which statements belong with a node: those it made, those made at it, or those that mention it. */
export function statementFilterFor(node: GraphNode): Record<string, string> | undefined {
  switch (node.__typename) {
    case 'Person':
    case 'Organization':
      return { speaker: node.id };
    case 'Meeting':
      return { occasion: node.id };
    case 'Place':
    case 'Topic':
      return { mentions: node.id };
    default:
      return undefined;
  }
}

const HEADINGS: Record<string, string> = {
  speaker: 'Statements',
  occasion: 'Statements made here',
  mentions: 'Statements mentioning it',
};

const kindOf = (node: GraphNode): string | undefined =>
  node.organizationKind ?? node.placeKind ?? node.meetingKind ?? node.statementKind;

function statementItem(statement: StatementView, actions: PanelActions): HTMLElement {
  const source = statement.reportedIn;
  return h(
    'li',
    { class: 'statement', 'data-id': statement.id },
    h(
      'div',
      { class: 'meta' },
      h('time', {}, statement.date?.iso ?? 'undated'),
      ' · ',
      link(statement.speaker.name, statement.speaker.id, actions, 'speaker'),
      statement.occasion && ' · at ',
      statement.occasion && link(statement.occasion.name, statement.occasion.id, actions, 'occasion'),
    ),
    h('p', { class: 'summary' }, statement.summary),
    h('blockquote', {}, statement.text),
    source &&
      h(
        'div',
        { class: 'source' },
        'Source: ',
        source.article.url
          ? h('a', { href: source.article.url, rel: 'noreferrer noopener', target: '_blank' }, source.article.headline)
          : h('span', {}, source.article.headline),
        ` (paragraph ${source.paragraph})`,
      ),
  );
}

function link(text: string, id: string, actions: PanelActions, role: string): HTMLElement {
  const button = h('button', { type: 'button', class: `link ${role}`, title: id }, text);
  button.addEventListener('click', () => actions.select(id));
  return button;
}

function button(text: string, className: string, onClick: () => void): HTMLElement {
  const element = h('button', { type: 'button', class: className }, text);
  element.addEventListener('click', onClick);
  return element;
}

export function renderDetails(
  panel: HTMLElement,
  details: NodeDetails,
  statements: { totalCount: number; nodes: StatementView[] } | undefined,
  filterKind: string | undefined,
  actions: PanelActions,
): void {
  const aliases = details.aliases?.map((alias) => `${alias.name} (${alias.language})`).join(', ');
  const section = h(
    'section',
    { id: 'details', 'data-id': details.id },
    h('p', { class: 'type' }, [details.__typename, kindOf(details)].filter(Boolean).join(' · ')),
    h('h2', {}, labelOf(details)),
    h('p', { class: 'id' }, details.id),
    details.date && h('p', {}, `Date: ${details.date.iso}`),
    details.description && h('p', {}, details.description),
    details.text && h('blockquote', {}, details.text),
    aliases && h('p', { class: 'aliases' }, `Also: ${aliases}`),
    h(
      'div',
      { class: 'actions' },
      button('Expand', 'expand', () => actions.expand(details.id)),
      button('Path from here', 'path-from', () => actions.pathFrom(details.id)),
      button('Path to here', 'path-to', () => actions.pathTo(details.id)),
    ),
    details.sources.nodes.length > 0 &&
      h('p', { class: 'sources' }, `Reported in: ${details.sources.nodes.map((source) => source.headline).join('; ')}`),
  );
  const parts: HTMLElement[] = [section];
  if (statements && filterKind) {
    parts.push(
      h(
        'section',
        { id: 'statements' },
        h('h3', {}, `${HEADINGS[filterKind] ?? 'Statements'} (${statements.totalCount})`),
        statements.nodes.length
          ? h('ol', {}, ...statements.nodes.map((statement) => statementItem(statement, actions)))
          : h('p', { class: 'hint' }, 'None recorded.'),
        statements.totalCount > statements.nodes.length &&
          h('p', { class: 'hint' }, `The first ${statements.nodes.length} are shown.`),
      ),
    );
  }
  const path = panel.querySelector('#path');
  panel.replaceChildren(...(path ? [path] : []), ...parts);
}

export function renderPath(
  panel: HTMLElement,
  ends: { from?: GraphNode; to?: GraphNode },
  path: Subgraph | null | undefined,
  actions: PanelActions,
): void {
  panel.querySelector('#path')?.remove();
  if (!ends.from && !ends.to) return;
  const name = (node?: GraphNode) => (node ? labelOf(node) : '… (pick a node, then “Path to here”)');
  const box = h(
    'section',
    { id: 'path' },
    h('h3', {}, 'Shortest path'),
    h('p', {}, `From ${name(ends.from)} to ${name(ends.to)}`),
  );
  if (path === null) box.append(h('p', { class: 'hint' }, 'No path within 8 hops.'));
  if (path) {
    box.append(
      h('p', {}, `${path.relationships.length} hops:`),
      h(
        'ol',
        { class: 'path-nodes' },
        ...path.nodes.map((node) => h('li', {}, link(labelOf(node), node.id, actions, 'path-node'))),
      ),
    );
  }
  panel.prepend(box);
}

export function renderMessage(panel: HTMLElement, message: string, className = 'hint'): void {
  const path = panel.querySelector('#path');
  panel.replaceChildren(...(path ? [path] : []), h('p', { class: className }, message));
}
