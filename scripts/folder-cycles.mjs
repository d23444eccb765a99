// Folder-level import cycles, as pure functions over dependency-cruiser's module list, so the
// check itself is tested (test/tooling/folder-cycles.test.ts). docs/architecture.md, "Rules".
import { dirname } from 'node:path';

/** `renderer/features/backlog/BacklogList.tsx` → `renderer/features/backlog`; others → their folder. */
export function folderOf(path) {
  const feature = /^(.*?\/features\/[^/]+)\//.exec(path);
  return feature ? feature[1] : dirname(path);
}

/**
 * Folder → (folder it imports → one module-level import that shows it). Only modules under
 * `roots` count; imports inside one folder are not edges.
 */
export function folderGraph(modules, roots) {
  const inRoots = (path) => roots.some((root) => path.startsWith(`${root}/`));
  const edges = new Map();
  for (const mod of modules) {
    if (mod.coreModule || !inRoots(mod.source)) continue;
    const from = folderOf(mod.source);
    if (!edges.has(from)) edges.set(from, new Map());
    for (const dep of mod.dependencies) {
      if (dep.coreModule || !inRoots(dep.resolved)) continue;
      const to = folderOf(dep.resolved);
      const byTarget = edges.get(from);
      if (to !== from && !byTarget.has(to)) byTarget.set(to, `${mod.source} → ${dep.resolved}`);
    }
  }
  return edges;
}

/** Tarjan's strongly connected components with two or more folders: each one is a cycle. */
export function folderCycles(edges) {
  let index = 0;
  const state = new Map();
  const stack = [];
  const components = [];
  const targetsOf = (node) => [...(edges.get(node)?.keys() ?? [])];
  const open = (node) => {
    state.set(node, { index, low: index, onStack: true });
    index++;
    stack.push(node);
  };
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    // Iterative, so a deep graph cannot overflow the call stack.
    open(start);
    const work = [{ node: start, targets: targetsOf(start), i: 0 }];
    while (work.length) {
      const frame = work.at(-1);
      if (frame.i < frame.targets.length) {
        const next = frame.targets[frame.i++];
        const seen = state.get(next);
        if (!seen) {
          open(next);
          work.push({ node: next, targets: targetsOf(next), i: 0 });
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
  return components;
}
