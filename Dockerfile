# syntax=docker/dockerfile:1
# Haven: build everything in one stage, ship only what runs in the next.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci
COPY tsconfig.base.json tsconfig.json ./
COPY shared shared
COPY server server
COPY client client
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
# MALLOC_ARENA_MAX: glibc's per-thread arenas hold on to memory sharp's image work freed.
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2 \
    HAVEN_HOST=0.0.0.0 \
    PORT=8080 \
    HAVEN_DATA_DIR=/var/lib/haven
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/shared/package.json shared/
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/server/package.json server/
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/server/assets server/assets
COPY --from=build /app/client/dist client/dist
RUN mkdir -p /var/lib/haven && chown node:node /var/lib/haven
USER node
VOLUME /var/lib/haven
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server/dist/main.js"]
