// Folder-level import cycles (docs/architecture.md, "Rules"). dependency-cruiser's `no-circular`
// sees modules only: a side can pass it while its folders import each other in one big loop.
// This collapses every module to its folder (a feature's whole folder `…/features/<f>` counting
// as one), finds strongly connected components with Tarjan's algorithm and fails on any with
// more than one folder.
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';

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

/** `renderer/features/backlog/BacklogList.tsx` → `renderer/features/backlog`; others → their folder. */
export function folderOf(path) {
  const feature = /^(.*?\/features\/[^/]+)\//.exec(path);
  return feature ? feature[1] : dirname(path);
}

const edges = new Map();
for (const mod of JSON.parse(json).modules) {
  if (mod.coreModule || mod.source.startsWith('node_modules/')) continue;
  const from = folderOf(mod.source);
  if (!edges.has(from)) edges.set(from, new Map());
  for (const dep of mod.dependencies) {
    if (dep.coreModule || !sides.some((s) => dep.resolved.startsWith(`${s}/`))) continue;
    const to = folderOf(dep.resolved);
    if (to === from) continue;
    const byTarget = edges.get(from);
    if (!byTarget.has(to)) byTarget.set(to, `${mod.source} → ${dep.resolved}`);
  }
}

// Tarjan's strongly connected components, iterative so deep graphs cannot overflow the stack.
let index = 0;
const state = new Map();
const stack = [];
const components = [];
for (const start of edges.keys()) {
  if (state.has(start)) continue;
  const work = [{ node: start, targets: [...(edges.get(start)?.keys() ?? [])], i: 0 }];
  state.set(start, { index, low: index, onStack: true });
  index++;
  stack.push(start);
  while (work.length) {
    const frame = work.at(-1);
    if (frame.i < frame.targets.length) {
      const next = frame.targets[frame.i++];
      const seen = state.get(next);
      if (!seen) {
        state.set(next, { index, low: index, onStack: true });
        index++;
        stack.push(next);
        work.push({ node: next, targets: [...(edges.get(next)?.keys() ?? [])], i: 0 });
      } else if (seen.onStack) {
        state.get(frame.node).low = Math.min(state.get(frame.node).low, seen.index);
      }
      continue;
    }
    work.pop();
    const own = state.get(frame.node);
    if (work.length) {
      const parent = state.get(work.at(-1).node);
      parent.low = Math.min(parent.low, own.low);
    }
    if (own.low === own.index) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        state.get(member).onStack = false;
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1) components.push(component.sort());
    }
  }
}

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
