# syntax=docker/dockerfile:1

# ---- Stage 1: install all dependencies, compile TypeScript, drop dev dependencies ----
FROM node:20-bookworm-slim AS build
WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci

COPY tsconfig.json tsconfig.build.json codegen.ts ./
COPY schema/ ./schema/
COPY src/ ./src/
COPY seeds/ ./seeds/
COPY web/ ./web/

# tsc -p tsconfig.build.json: src/ is emitted to dist/src/, entry point dist/src/main.js;
# then Vite builds the browser pages (playground, explorer) into dist/web/
RUN npm run build \
 && npm prune --omit=dev

# ---- Stage 2: runtime image ----
FROM node:20-bookworm-slim AS runtime
WORKDIR /app

# Inside a container the API must listen on all interfaces; outside, HOST defaults to loopback.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000

COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The server reads the SDL files from ./schema at run time.
COPY --from=build /app/schema ./schema
COPY --from=build /app/seeds ./seeds
COPY --from=build /app/package.json ./package.json

EXPOSE 4000

# The files above stay root-owned (read-only for the app); the process runs as
# the unprivileged `node` user that the official Node image provides.
USER node

# The slim image has no curl/wget, so the check uses Node's built-in fetch. /readyz answers 200
# when the API is up and Neo4j answers, 503 otherwise.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))"]

CMD ["node", "dist/src/main.js"]
