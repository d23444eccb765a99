// Fails on any folder-level import cycle (docs/architecture.md, "Rules"). dependency-cruiser's
// `no-circular` sees modules only: a side can pass it while its folders import each other in one
// big loop. Every module counts as its folder, a feature's whole folder `…/features/<f>` as one.
import { execFileSync } from 'node:child_process';
import { folderCycles, folderGraph } from './folder-cycles.mjs';

const sides = ['electron', 'renderer', 'server', 'shared', 'scripts'];
const json = execFileSync(
  process.execPath,
  [
    'node_modules/dependency-cruiser/bin/dependency-cruise.mjs',
    ...sides,
    '--config',
    '.dependency-cruiser.cjs',
    '--output-type',
    'json',
    '--no-progress',
  ],
  { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
);
const edges = folderGraph(JSON.parse(json).modules, sides);
const components = folderCycles(edges);

if (components.length === 0) {
  console.log(`✔ no folder-level import cycles (${edges.size} folders)`);
} else {
  for (const component of components) {
    console.error(`✘ folder cycle: ${component.join(' ⇄ ')}`);
    const members = new Set(component);
    for (const from of component) {
      for (const [to, example] of edges.get(from) ?? []) {
        if (members.has(to)) console.error(`    ${from} → ${to}   e.g. ${example}`);
      }
    }
  }
  process.exitCode = 1;
}
