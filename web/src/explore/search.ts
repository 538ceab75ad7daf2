/** Type-ahead search: suggestions appear as the reader types; Enter or a click picks one. */
import { request } from '../graphql.js';
import { h } from './dom.js';
import { labelOf } from './graph.js';
import { SUGGEST, type GraphNode } from './queries.js';

interface SuggestAnswer {
  search?: { nodes: GraphNode[] };
  people: { nodes: GraphNode[] };
  organizations: { nodes: GraphNode[] };
  places: { nodes: GraphNode[] };
  meetings: { nodes: GraphNode[] };
}

export function setUpSearch(input: HTMLInputElement, list: HTMLElement, onPick: (node: GraphNode) => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  let suggestions: GraphNode[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };

  const pick = (node: GraphNode) => {
    close();
    input.value = '';
    onPick(node);
  };

  const show = () => {
    list.replaceChildren(
      ...suggestions.map((node, index) => {
        const item = h(
          'li',
          { role: 'option', id: `suggestion-${index}`, 'data-id': node.id, 'aria-selected': String(index === active) },
          h('span', { class: `badge ${node.__typename}` }, node.__typename),
          ' ',
          labelOf(node),
        );
        item.addEventListener('mousedown', (event) => {
          event.preventDefault();
          pick(node);
        });
        return item;
      }),
    );
    if (!suggestions.length) list.append(h('li', { class: 'empty' }, 'No match.'));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  const suggest = async (text: string) => {
    const ticket = ++asked;
    const answer = await request<SuggestAnswer>(SUGGEST, { text, words: text.length >= 3 });
    if (ticket !== asked) return;
    const found = new Map<string, GraphNode>();
    const all = [
      ...answer.people.nodes,
      ...answer.organizations.nodes,
      ...(answer.search?.nodes ?? []),
      ...answer.places.nodes,
      ...answer.meetings.nodes,
    ];
    for (const node of all) if (!found.has(node.id)) found.set(node.id, node);
    suggestions = [...found.values()].slice(0, 10);
    active = suggestions.length ? 0 : -1;
    show();
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) {
      close();
      return;
    }
    timer = setTimeout(() => void suggest(text).catch((error: unknown) => console.warn('search failed', error)), 150);
  });
  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : -1) + suggestions.length) % suggestions.length;
      show();
    } else if (event.key === 'Enter' && suggestions[active]) {
      event.preventDefault();
      pick(suggestions[active]!);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', close);
}
