// The import rules (docs/architecture.md, "Rules") in one dependency-cruiser run: the rules of
// .dependency-cruiser.cjs, then folder-level cycles. dependency-cruiser's `no-circular` sees
// modules only: a side can pass it while its folders import each other in one big loop, so every
// module here counts as its folder, a feature's whole folder `…/features/<f>` as one.
import { execFileSync } from 'node:child_process';
import { folderCycles, folderGraph } from './folder-cycles.mjs';

const sides = ['electron', 'renderer', 'server', 'shared', 'scripts'];
// Tests obey the rules too (no electron import outside the shell's tests …), but are no side.
const cruised = [...sides, 'test'];
const json = execFileSync(
  process.execPath,
  [
    'node_modules/dependency-cruiser/bin/dependency-cruise.mjs',
    ...cruised,
    '--config',
    '.dependency-cruiser.cjs',
    '--output-type',
    'json',
    '--no-progress',
  ],
  { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
);
const result = JSON.parse(json);

const violations = result.summary.violations.filter((v) => v.rule.severity === 'error');
for (const v of violations) {
  console.error(
    `✘ ${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (cycle: ${v.cycle.map((c) => c.name ?? c).join(' → ')})` : ''}`,
  );
}
if (violations.length === 0) {
  console.log(
    `✔ no dependency violations (${result.summary.totalCruised} modules, ${result.summary.totalDependenciesCruised} dependencies)`,
  );
} else {
  process.exitCode = 1;
}

const edges = folderGraph(result.modules, sides);
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
