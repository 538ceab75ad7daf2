/**
 * The browser pages in a real Chromium (Debian's, driven by playwright-core) against a real server and Neo4j:
 * the playground builds a query by clicking and runs it; the explorer draws the Geneva article's graph,
 * expands a node, shows Ryabkov's statements, highlights the path from Wendy Sherman to NATO, keeps its view
 * in the URL, filters, and stays usable with 2,000 nodes (figures printed, not asserted). Every request stays
 * on this machine and no page logs an error. Screenshots go to test-results/screenshots/ (git-ignored).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/paths.js';
import { seedDocuments } from '../src/seed/seeder.js';
import { presets, syntheticSeedInputs } from '../src/seed/synthetic.js';
import { isLocal, launchChromium, watch, type Watched } from './browser/chromium.js';
import { geneva, pressConferenceStatements, startGenevaApi, type TestApi } from './helpers.js';

const screenshots = path.join(repoRoot, 'test-results', 'screenshots');
const nato = 'organization:nato';

let api: TestApi;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  [api, browser] = await Promise.all([startGenevaApi(), launchChromium()]);
  origin = new URL(api.url).origin;
  fs.mkdirSync(screenshots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** The text of a Monaco editor as shown (Monaco renders spaces as non-breaking ones). */
const editorText = async (page: Page, selector: string) =>
  (await page.locator(selector).innerText()).replace(/\u00a0/g, ' ');

/** How long a page may take to show something on a busy machine. */
const patience = { timeout: 60_000, interval: 200 };

/** Saves a screenshot once the drawing has been redrawn sharp (cytoscape shows a bitmap while the view moves). */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(
    () =>
      new Promise((resolve) =>
        (globalThis as any).requestAnimationFrame(() => (globalThis as any).requestAnimationFrame(resolve)),
      ),
  );
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(screenshots, name) });
}

async function open(url: string): Promise<{ page: Page; watched: Watched }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(60_000);
  const watched = watch(page);
  await page.goto(new URL(url, origin).toString());
  return { page, watched };
}

async function closeClean(page: Page, watched: Watched): Promise<void> {
  await page.close();
  expect(watched.errors).toEqual([]);
  expect(watched.requests.length).toBeGreaterThan(0);
  expect(watched.requests.filter((url) => !isLocal(url))).toEqual([]);
}

describe('the playground', () => {
  it('serves GraphiQL 5 with the example queries under a same-origin-only CSP', async () => {
    const { page, watched } = await open('/graphql');
    const response = await page.request.get(api.url, { headers: { accept: 'text/html' } });
    const csp = response.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    await expect.poll(() => editorText(page, '.graphiql-query-editor'), patience).toContain('person(id: $id)');
    const tabs = await page.locator('.graphiql-tab').allInnerTexts();
    expect(tabs.map((tab) => tab.trim())).toEqual([
      'Person',
      'MeetingParticipants',
      'Search',
      'ShortestPath',
      'Neighborhood',
    ]);
    // The headers editor (where the write token goes): what is typed there goes with the request. A header
    // that changes nothing here, since a bearer token this server does not know is refused (403).
    await page.getByRole('button', { name: 'Headers' }).click();
    await page.locator('.graphiql-editor:not(.hidden) [data-uri$="headers.json"]').click();
    await page.keyboard.insertText('{"x-request-id": "from-the-headers-editor"}');
    const sent = page.waitForRequest((request) => request.method() === 'POST' && request.url() === api.url);
    await page.getByRole('button', { name: /Execute query/ }).click();
    expect((await sent).headers()['x-request-id']).toBe('from-the-headers-editor');
    await expect
      .poll(() => editorText(page, '[aria-label="Result Window"]'), patience)
      .toContain('"name": "Sergei Ryabkov"');
    await closeClean(page, watched);
  });

  it('builds a query by clicking fields in the explorer plugin, and runs it', async () => {
    const { page, watched } = await open('/graphql');
    await expect.poll(() => editorText(page, '.graphiql-query-editor'), patience).toContain('person(id: $id)');
    // Start from an empty editor, then build the query by clicking fields.
    await page.locator('.graphiql-query-editor .monaco-editor').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await expect.poll(() => editorText(page, '.graphiql-query-editor'), patience).not.toContain('person');
    await page.getByRole('button', { name: 'Show GraphiQL Explorer' }).click();
    await page.locator('.graphiql-explorer-about > [data-field-name="about"]').click();
    await page.locator('.graphiql-explorer-neo4jVersion > [data-field-name="neo4jVersion"]').click();
    await page.locator('.graphiql-explorer-neo4jEdition > [data-field-name="neo4jEdition"]').click();
    await expect.poll(() => editorText(page, '.graphiql-query-editor'), patience).toContain('neo4jEdition');
    const sent = page.waitForRequest((request) => request.method() === 'POST' && request.url() === api.url);
    await page.getByRole('button', { name: /Execute query/ }).click();
    const query = (JSON.parse((await sent).postData()!) as { query: string }).query.replace(/\s+/g, ' ');
    expect(query).toMatch(/\{ about \{ .*neo4jVersion.* \} \}/);
    await expect
      .poll(() => editorText(page, '[aria-label="Result Window"]'), patience)
      .toMatch(/"neo4jVersion": "5\.26\.\d+"/);
    expect(await editorText(page, '[aria-label="Result Window"]')).toContain('"neo4jEdition": "community"');
    await screenshot(page, 'playground.png');
    await closeClean(page, watched);
  });
});

/** Clicks a drawn node where it is on screen, as a reader would. */
async function clickNode(page: Page, id: string): Promise<void> {
  await page.waitForFunction(() => (globalThis as any).newsgraphExplorer.busy === 0);
  const position = await page.evaluate((nodeId) => {
    const { cy } = (globalThis as any).newsgraphExplorer;
    const node = cy.getElementById(nodeId);
    if (node.empty()) return null;
    // Bring it to the middle of the view first (zooming and panning, as a reader would).
    cy.zoom(1.5);
    cy.center(node);
    return node.renderedPosition() as { x: number; y: number };
  }, id);
  expect(position, `${id} is drawn`).not.toBeNull();
  const box = (await page.locator('#graph').boundingBox())!;
  await page.mouse.click(box.x + position!.x, box.y + position!.y);
}

const drawn = (page: Page) =>
  page.evaluate(() => (globalThis as any).newsgraphExplorer.cy.nodes().map((node: any) => node.id()) as string[]);

async function pick(page: Page, text: string, id: string): Promise<void> {
  const search = page.getByRole('combobox', { name: 'Search an entity by name' });
  await search.fill(text);
  await page.locator(`#suggestions li[data-id="${id}"]`).click();
}

describe('the graph explorer on the Geneva article', () => {
  let shared = '';

  it('draws the Geneva graph from its URL, with a node’s details (figures printed)', async () => {
    const { page, watched } = await open(`/explore?focus=place:geneva&depth=2&selected=${geneva.ryabkov}`);
    const response = await page.request.get(new URL('/explore', origin).toString());
    expect(response.headers()['content-security-policy']).toContain("default-src 'none'; script-src 'self'");
    await page.waitForFunction(() => (globalThis as any).newsgraphExplorer.ready);
    const figures = await page.evaluate(() => ({
      nodes: (globalThis as any).newsgraphExplorer.cy.nodes().length as number,
      edges: (globalThis as any).newsgraphExplorer.cy.edges().length as number,
      firstDrawMs: (globalThis as any).newsgraphExplorer.stats.firstDrawMs!,
      layoutMs: (globalThis as any).newsgraphExplorer.stats.lastLayout!.layoutMs,
    }));
    const { neighborhood } = await api.ask(
      '{ neighborhood(of: "place:geneva", depth: 2, limit: 200) { nodes { id } } }',
    );
    expect(figures.nodes).toBe(neighborhood.nodes.length);
    expect(await page.locator('#details h2').innerText()).toBe('Sergei Ryabkov');
    console.log(
      `explorer, Geneva at depth 2 (${figures.nodes} nodes, ${figures.edges} relationships): ` +
        `first drawn ${figures.firstDrawMs.toFixed(0)} ms after page load, fcose layout ${figures.layoutMs.toFixed(0)} ms`,
    );
    await screenshot(page, 'explorer.png');
    await closeClean(page, watched);
  });

  it('draws Geneva from a type-ahead search, expands a node on click, and shows Ryabkov’s statements', async () => {
    const { page, watched } = await open('/explore');
    await page.getByRole('combobox', { name: 'Search an entity by name' }).fill('Gene');
    await expect
      .poll(() => page.locator('#suggestions li').allInnerTexts(), patience)
      .toContainEqual(expect.stringMatching(/Geneva/));
    await page.locator('#suggestions li[data-id="place:geneva"]').click();
    await expect.poll(() => drawn(page), patience).toContain(geneva.talks);
    expect(await drawn(page)).not.toContain(geneva.ryabkov);

    await clickNode(page, geneva.talks);
    await expect.poll(() => drawn(page), patience).toContain(geneva.ryabkov);
    expect(await drawn(page)).toContain(geneva.sherman);
    expect(new URL(page.url()).searchParams.get('focus')).toBe(`place:geneva,${geneva.talks}`);

    await clickNode(page, geneva.ryabkov);
    const statements = page.locator('#statements li.statement');
    await expect.poll(() => statements.count(), patience).toBeGreaterThanOrEqual(pressConferenceStatements.length);
    const ids = await statements.evaluateAll((items) => items.map((item) => item.getAttribute('data-id')));
    expect(ids).toEqual(expect.arrayContaining(pressConferenceStatements));
    const guarantee = page.locator('li.statement[data-id="statement:ryabkov-guarantees-must-be-legally-binding"]');
    const text = await guarantee.innerText();
    expect(text).toContain('2022-01-10'); // date
    expect(text).toContain('Sergei Ryabkov'); // speaker
    expect(text).toMatch(/press conference/i); // occasion
    expect(text).toMatch(/Source: .+\(paragraph \d+\)/); // source article
    expect(await page.locator('#details h2').innerText()).toBe('Sergei Ryabkov');
    await screenshot(page, 'explorer-geneva.png');
    await closeClean(page, watched);
  });

  it('highlights the shortest path from Wendy Sherman to NATO', async () => {
    const expected = await api.ask(
      `{ shortestPath(from: "${geneva.sherman}", to: "${nato}", maxHops: 8) { length nodes { id } } }`,
    );
    const { page, watched } = await open(`/explore?focus=${geneva.talks}`);
    await expect.poll(() => drawn(page), patience).toContain(geneva.sherman);
    await clickNode(page, geneva.sherman);
    await page.getByRole('button', { name: 'Path from here' }).click();
    await pick(page, 'NATO', nato);
    await expect.poll(() => page.locator('#details').getAttribute('data-id'), patience).toBe(nato);
    await page.getByRole('button', { name: 'Path to here' }).click();
    const steps = page.locator('#path ol li');
    await expect.poll(() => steps.count(), patience).toBe(expected.shortestPath.length + 1);
    const names = await steps.allInnerTexts();
    expect(names[0]).toBe('Wendy Sherman');
    expect(names.at(-1)).toBe('NATO');
    const highlighted = await page.evaluate(() => ({
      nodes: (globalThis as any).newsgraphExplorer.cy.nodes('.on-path').map((node: any) => node.id()),
      edges: (globalThis as any).newsgraphExplorer.cy.edges('.on-path').length,
    }));
    expect(highlighted.nodes.sort()).toEqual(expected.shortestPath.nodes.map((node: any) => node.id).sort());
    expect(highlighted.edges).toBe(expected.shortestPath.length);
    await page.getByRole('button', { name: 'Fit' }).click();
    await screenshot(page, 'explorer-path.png');
    shared = page.url();
    expect(new URL(shared).searchParams.get('path')).toBe(`${geneva.sherman},${nato}`);
    await closeClean(page, watched);
  });

  it('restores a shared view from its URL, and filters by relationship type and date', async () => {
    const { page, watched } = await open(shared);
    await page.waitForFunction(() => (globalThis as any).newsgraphExplorer.ready);
    expect(await page.locator('#path ol li').count()).toBeGreaterThan(1);
    expect(await page.locator('#details').getAttribute('data-id')).toBe(nato);
    const visible = () =>
      page.evaluate(() => {
        const cy = (globalThis as any).newsgraphExplorer.cy;
        return {
          nodes: cy
            .nodes()
            .not('.filtered')
            .map((node: any) => node.id()) as string[],
          types: [
            ...new Set(
              cy
                .edges()
                .not('.filtered')
                .map((edge: any) => edge.data('type')),
            ),
          ] as string[],
        };
      });
    const before = await visible();
    expect(before.types).toContain('MENTIONS');
    expect(before.nodes).toContain('statement:ryabkov-guarantees-must-be-legally-binding');

    await page.locator('#types-menu summary').click();
    await page.getByRole('checkbox', { name: 'MENTIONS' }).uncheck();
    await expect.poll(async () => (await visible()).types, patience).not.toContain('MENTIONS');
    expect(new URL(page.url()).searchParams.get('types')?.split(',')).not.toContain('MENTIONS');

    // The informal meeting was on 9 January; the talks and the press conference on the 10th.
    await page.locator('#date-to').fill('2022-01-09');
    await expect
      .poll(async () => (await visible()).nodes, patience)
      .not.toContain('statement:ryabkov-guarantees-must-be-legally-binding');
    const after = await visible();
    expect(after.nodes).not.toContain(geneva.talks);
    expect(new URL(page.url()).searchParams.get('to')).toBe('2022-01-09');
    await closeClean(page, watched);
  });
});

/** A point of the drawing's background near its middle (no node there), where a drag pans the view. */
const emptySpot = (page: Page) =>
  page.evaluate(() => {
    const { cy } = (globalThis as any).newsgraphExplorer;
    const box = cy.container().getBoundingClientRect();
    const boxes = cy.nodes().map((node: any) => node.renderedBoundingBox({ includeLabels: true }));
    for (let radius = 0; radius < Math.min(box.width, box.height) / 2; radius += 5)
      for (let turn = 0; turn < 1; turn += 1 / 16) {
        const x = box.width / 2 + radius * Math.cos(turn * 2 * Math.PI);
        const y = box.height / 2 + radius * Math.sin(turn * 2 * Math.PI);
        if (!boxes.some((b: any) => b.x1 - 4 <= x && x <= b.x2 + 4 && b.y1 - 4 <= y && y <= b.y2 + 4))
          return { x: box.left + x, y: box.top + y };
      }
    throw new Error('no empty spot in the drawing');
  });

interface Motion {
  /** Whether the view was panned or zoomed, and whether any node was moved in the drawing. */
  viewMoved: boolean;
  nodesMoved: boolean;
  seconds: number;
  redraws: number;
  framesPerSecond: number;
  redrawsPerSecond: number;
  medianFrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
}

/**
 * Pans (drags the background round a circle) or zooms (turns the wheel in, then out) for `seconds`, moving at
 * every animation frame as a reader's hand does, so every frame has a new view to draw; counts the frames the
 * page painted and the drawing's redraws. The mouse events are dispatched in the page: sent through the
 * remote protocol, each would wait for a round trip and the count would measure the test's pace, not the page's.
 */
const moveFor = (page: Page, kind: 'pan' | 'zoom', from: { x: number; y: number }, seconds: number) =>
  page.evaluate(
    ({ kind, from, seconds }) =>
      new Promise<Motion>((resolve) => {
        const w = globalThis as any;
        const { cy } = w.newsgraphExplorer;
        let redraws = 0;
        const counted = () => redraws++;
        cy.on('render', counted);
        const view = () => JSON.stringify([cy.pan(), cy.zoom()]);
        const positions = () => JSON.stringify(cy.nodes().map((node: any) => node.position()));
        const [viewBefore, positionsBefore] = [view(), positions()];
        let viewMoved = false; // checked at every frame: a pan round a circle ends where it began
        const target = w.document.elementFromPoint(from.x, from.y);
        const mouse = (type: string, x: number, y: number, on: any = w) =>
          on.dispatchEvent(
            new w.MouseEvent(type, {
              clientX: x,
              clientY: y,
              button: 0,
              buttons: type === 'mouseup' ? 0 : 1,
              bubbles: true,
            }),
          );
        if (kind === 'pan') mouse('mousedown', from.x, from.y, target);
        const gaps: number[] = [];
        let start: number | undefined;
        let last = 0;
        const step = (now: number) => {
          if (start === undefined) start = now;
          else gaps.push(now - last);
          viewMoved ||= view() !== viewBefore;
          last = now;
          const elapsed = (now - start) / 1000;
          if (elapsed >= seconds) {
            if (kind === 'pan') mouse('mouseup', from.x, from.y);
            cy.off('render', counted);
            const sorted = [...gaps].sort((a, b) => a - b);
            const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
            resolve({
              viewMoved,
              nodesMoved: positions() !== positionsBefore,
              seconds: elapsed,
              redraws,
              framesPerSecond: gaps.length / elapsed,
              redrawsPerSecond: redraws / elapsed,
              medianFrameMs: at(0.5),
              p95FrameMs: at(0.95),
              maxFrameMs: sorted.at(-1)!,
            });
            return;
          }
          if (kind === 'pan') {
            const angle = elapsed * Math.PI; // a circle of 150 px every two seconds
            mouse('mousemove', from.x + 150 * Math.cos(angle) - 150, from.y + 150 * Math.sin(angle));
          } else {
            const inwards = Math.floor(gaps.length / 15) % 2 === 0;
            target.dispatchEvent(
              new w.WheelEvent('wheel', {
                deltaY: inwards ? -40 : 40,
                clientX: from.x,
                clientY: from.y,
                bubbles: true,
                cancelable: true,
              }),
            );
          }
          w.requestAnimationFrame(step);
        };
        w.requestAnimationFrame(step);
      }),
    { kind, from, seconds },
  );

describe('the graph explorer with 2,000 nodes of the synthetic graph', () => {
  it('draws them and stays usable (figures printed)', { timeout: 900_000 }, async () => {
    const seeding = Date.now();
    await api.reset();
    await seedDocuments(api.driver, syntheticSeedInputs(presets.small!, 1), {
      database: api.database,
      transaction: 'batched',
    });
    console.log(`synthetic graph (small, seed 1) loaded in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);
    // The best-connected nodes, whose two-hop neighbourhoods (at most 1,000 nodes each) together reach 2,000.
    const hubs = await api.cypher('MATCH (n:Organization) RETURN n.id AS id ORDER BY COUNT { (n)--() } DESC LIMIT 6');
    const focus: string[] = [];
    const reached = new Set<string>();
    for (const { id } of hubs) {
      if (reached.size >= 2_000) break;
      const { neighborhood } = await api.ask(
        `query ($id: ID!) { neighborhood(of: $id, depth: 2, limit: 1000) { nodes { id } } }`,
        { id },
      );
      focus.push(id);
      for (const node of neighborhood.nodes) reached.add(node.id);
    }
    expect(reached.size).toBeGreaterThanOrEqual(2_000);

    const { page, watched } = await open(`/explore?focus=${focus.join(',')}&depth=2&limit=1000`);
    await page.waitForFunction(() => (globalThis as any).newsgraphExplorer.ready, undefined, { timeout: 300_000 });
    const drawnFigures = await page.evaluate(() => ({
      nodes: (globalThis as any).newsgraphExplorer.cy.nodes().length as number,
      edges: (globalThis as any).newsgraphExplorer.cy.edges().length as number,
      firstDrawMs: (globalThis as any).newsgraphExplorer.stats.firstDrawMs!,
      layoutMs: (globalThis as any).newsgraphExplorer.stats.lastLayout!.layoutMs,
    }));
    expect(drawnFigures.nodes).toBe(reached.size);

    // A drag on the background pans the view: the nodes stay where they are.
    const spot = await emptySpot(page);
    const before = await page.evaluate(() => {
      const { cy } = (globalThis as any).newsgraphExplorer;
      return { pan: { ...cy.pan() } as { x: number; y: number }, position: { ...cy.nodes()[0].position() } };
    });
    await page.mouse.move(spot.x, spot.y);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++) await page.mouse.move(spot.x + 10 * step, spot.y + 6 * step);
    await page.mouse.up();
    const after = await page.evaluate(() => {
      const { cy } = (globalThis as any).newsgraphExplorer;
      return { pan: { ...cy.pan() } as { x: number; y: number }, position: { ...cy.nodes()[0].position() } };
    });
    expect(after.pan.x - before.pan.x).toBeCloseTo(100, -1);
    expect(after.pan.y - before.pan.y).toBeCloseTo(60, -1);
    expect(after.position).toEqual(before.position);

    // The measured pan starts from the background too (the view has moved since): dragging a node would
    // move that node instead, which is not what is measured here.
    const panning = await moveFor(page, 'pan', await emptySpot(page), 8);
    expect(panning.viewMoved, `pan: ${JSON.stringify(panning)}`).toBe(true);
    expect(panning.nodesMoved).toBe(false);
    const zooming = await moveFor(page, 'zoom', await emptySpot(page), 4);
    expect(zooming.viewMoved, `zoom: ${JSON.stringify(zooming)}`).toBe(true);
    await screenshot(page, 'explorer-2000.png');
    const motion = (kind: string, figures: Motion) =>
      `${kind} for ${figures.seconds.toFixed(1)} s: ${figures.framesPerSecond.toFixed(1)} frames/s, ` +
      `${figures.redrawsPerSecond.toFixed(1)} redraws/s (frame time median ${figures.medianFrameMs.toFixed(0)} ms, ` +
      `95th percentile ${figures.p95FrameMs.toFixed(0)} ms, longest ${figures.maxFrameMs.toFixed(0)} ms)`;
    console.log(
      `explorer, ${drawnFigures.nodes} nodes and ${drawnFigures.edges} relationships (${focus.length} two-hop neighbourhoods): ` +
        `first drawn ${drawnFigures.firstDrawMs.toFixed(0)} ms after page load, fcose layout ${drawnFigures.layoutMs.toFixed(0)} ms; ` +
        `${motion('panning', panning)}; ${motion('zooming', zooming)}; ` +
        `load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
    // Generous guards only: the machine may be busy.
    for (const figures of [panning, zooming]) {
      expect(figures.redraws).toBeGreaterThan(0);
      expect(figures.framesPerSecond).toBeGreaterThan(1);
    }
    await closeClean(page, watched);
  });
});
