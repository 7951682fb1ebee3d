import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUBGRAPHS } from '../../subgraphs/index.js';

/**
 * `npm run new-subgraph -- <name>`: a new subgraph from `template/`, with an example tenant-owned
 * entity to rename, added to the registry and to docker-compose.yml, then composed and
 * code-generated, so it runs in `npm start`, the router and the tests at once. What is left to
 * write (its isolation and RLS cases, without which the central tests fail) is printed at the end.
 */
const name = process.argv[2] ?? '';
const repository = fileURLToPath(new URL('../../', import.meta.url));
const templates = fileURLToPath(new URL('./template/', import.meta.url));
const target = join(repository, 'subgraphs', name);

if (!/^[a-z][a-z0-9]{1,30}$/.test(name)) fail('Name the subgraph in lowercase letters and digits: npm run new-subgraph -- payments');
if (existsSync(target)) fail(`subgraphs/${name} exists already.`);

const port = Math.max(...SUBGRAPHS.map((entry) => entry.port)) + 1;
const today = new Date().toISOString().slice(0, 10).replaceAll('-', '_');
const placeholders: [string, string][] = [
  ['__name__', name],
  ['__Name__', `${name[0]!.toUpperCase()}${name.slice(1)}`],
  ['__NAME__', name.toUpperCase()],
  ['__date__', today],
];
const fill = (text: string) => placeholders.reduce((filled, [placeholder, value]) => filled.replaceAll(placeholder, value), text);

// Everything checked before anything is written; anything written is undone if a step fails.
const edits = [
  planInsert('subgraphs/index.ts', before(/^\] as const satisfies/m), `  { name: '${name}', port: ${port}, serves: [], manifest: () => import('./${name}/subgraph.js') },\n`),
  planInsert('docker-compose.yml', before(/^ {2}router:$/m), fill(`  __name__:
    <<: *service
    command: ["npx", "tsx", "stack/subgraph-process.ts", "__name__"]
    environment:
      <<: *env
      CARREL_SERVICE: __name__

`)),
  planInsert('docker-compose.yml', afterLast(/^ {6}[A-Z0-9]+_URL: http:\/\/[a-z0-9]+:\d+\/graphql\n/gm), fill(`      __NAME___URL: http://__name__:${port}/graphql\n`)),
  planInsert('docker-compose.yml', afterLast(/^ {6}[a-z0-9]+: \{ condition: service_started \}\n/gm), `      ${name}: { condition: service_started }\n`),
];
const originals = new Map(edits.map(({ file }) => [file, readFileSync(join(repository, file), 'utf8')]));

for (const file of filesUnder(templates)) {
  const destination = join(target, fill(relative(templates, file)).replace(/\.tpl$/, ''));
  mkdirSync(dirname(destination), { recursive: true });
  writeFileSync(destination, fill(readFileSync(file, 'utf8')));
}

for (const { file, apply } of edits) writeFileSync(join(repository, file), apply(readFileSync(join(repository, file), 'utf8')));

for (const script of ['compose', 'codegen']) {
  const run = spawnSync('npm', ['run', script], { cwd: repository, stdio: 'inherit' });
  if (run.status === 0) continue;
  for (const [file, content] of originals) writeFileSync(join(repository, file), content);
  rmSync(target, { recursive: true, force: true });
  spawnSync('npm', ['run', 'compose'], { cwd: repository, stdio: 'ignore' });
  fail(`npm run ${script} failed, so nothing was added; see above.`);
}

console.log(`
Created subgraphs/${name} (port ${port}), listed it in subgraphs/index.ts and docker-compose.yml,
and composed and generated its types. It runs in npm start and the tests already. Next:
  1. Rename the example ${placeholders[1]![1]}Item to what the subgraph owns (schema.graphql,
     migrations/, src/), then npm run compose && npm run codegen.
  2. Write subgraphs/${name}/test/isolation.cases.ts and test/rls.seeds.ts (see the other
     subgraphs'): test/isolation.test.ts and test/database/rls.test.ts fail until you do.
  3. Describe it in docs/architecture.md (The pieces).`);

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

type Position = (content: string) => number;

function before(anchor: RegExp): Position {
  return (content) => content.search(anchor);
}

function afterLast(anchor: RegExp): Position {
  return (content) => {
    const last = [...content.matchAll(anchor)].at(-1);
    return last ? last.index + last[0].length : -1;
  };
}

/** An insertion into a file, checked now (the anchor must be there) and applied later. */
function planInsert(file: string, position: Position, text: string) {
  if (position(readFileSync(join(repository, file), 'utf8')) < 0) fail(`Could not find where to add ${name} in ${file}; nothing was changed.`);
  return {
    file,
    apply: (content: string) => {
      const at = position(content);
      return content.slice(0, at) + text + content.slice(at);
    },
  };
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
