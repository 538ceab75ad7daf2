/**
 * The playground: GraphiQL 5 with the explorer plugin (build a query by clicking fields) and the headers
 * editor, talking to this server's /graphql. Monaco's workers come from this server too (setup-workers/vite).
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './page.css';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { examples } from './examples.js';

const fetcher = createGraphiQLFetcher({
  url: new URL('/graphql', window.location.href).toString(),
  // Apollo's CSRF prevention accepts a GET or a simple POST only with a preflight-forcing header.
  headers: { 'apollo-require-preflight': 'true' },
});

const plugins = [explorerPlugin()];

const container = document.getElementById('graphiql');
if (!container) throw new Error('playground: no #graphiql element on the page');
container.textContent = '';
createRoot(container).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      plugins={plugins}
      defaultTabs={examples}
      isHeadersEditorEnabled
      defaultEditorToolsVisibility="variables"
    />
  </StrictMode>,
);
