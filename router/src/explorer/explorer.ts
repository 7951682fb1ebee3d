import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Express } from 'express';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/**
 * GraphiQL's prebuilt browser bundle and the React it runs on, served from node_modules by the
 * router itself: no CDN, so the explorer works offline and behind strict networks.
 */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: join(packageDir('react'), 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { file: join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { file: join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { file: join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
  'explorer.js': { file: new URL('./page.js', import.meta.url).pathname, type: 'text/javascript' },
};

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Carrel API explorer</title>
    <link rel="stylesheet" href="/explorer/assets/graphiql.css" />
    <style>body { margin: 0; height: 100vh; } #explorer { height: 100vh; }</style>
  </head>
  <body>
    <div id="explorer">Loading the explorer…</div>
    <script src="/explorer/assets/react.js"></script>
    <script src="/explorer/assets/react-dom.js"></script>
    <script src="/explorer/assets/graphiql.js"></script>
    <script src="/explorer/assets/explorer.js"></script>
  </body>
</html>`;

/**
 * GET /explorer: GraphiQL against this router (queries and mutations over HTTP, subscriptions
 * over graphql-ws with the Authorization header from the headers tab); GET /schema.graphql: the
 * public SDL to download.
 */
export function mountExplorer(app: Express, publicSdl: string): void {
  // Each asset's ETag is computed once: a browser revalidating after a day gets a 304.
  const assets = new Map(
    Object.entries(ASSETS).map(([name, asset]) => {
      const body = readFileSync(asset.file);
      return [name, { body, type: asset.type, etag: `"${createHash('sha1').update(body).digest('base64url')}"` }];
    }),
  );
  const security = "default-src 'self'; connect-src 'self' ws: wss:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:";
  app.get('/favicon.ico', (_req, res) => void res.status(204).end());
  app.get('/explorer', (_req, res) => void res.set('content-security-policy', security).type('html').send(PAGE));
  app.get('/explorer/assets/:name', (req, res) => {
    const asset = assets.get(req.params.name);
    if (!asset) return void res.status(404).end();
    res.set({ 'cache-control': 'public, max-age=86400', etag: asset.etag }).type(asset.type).send(asset.body);
  });
  app.get('/schema.graphql', (_req, res) => void res.type('text/plain; charset=utf-8').set('content-disposition', 'inline; filename="carrel.graphql"').send(publicSdl));
}
