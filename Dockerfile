# One image for the router and every subgraph; docker-compose.yml picks the entry point.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# V8's own heap and GC settings: a larger young generation (--max-semi-space-size=64) and a
# single-threaded collector were measured on the portal page and bought nothing (docs/performance.md).
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
USER node
