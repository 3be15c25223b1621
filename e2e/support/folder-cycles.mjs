// Checks that no two folders of lib/, components/ and app/ import each other, directly or through
// a longer loop. A file belongs to its own directory; a file directly in lib/, components/ or app/
// (lib/env.ts) stands alone, since it is in no folder of them. Tests are left out: they may reach
// anywhere, and nothing imports them.
// Run: npx node e2e/support/folder-cycles.mjs  (exits 1 and prints each loop when one exists).
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const SCOPES = ["lib", "components", "app"];
const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const TEST = /\.test\.(ts|tsx)$/;
const IMPORT =
  /(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\s*\(?\s*["']([^"']+)["']/g;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return SOURCE.test(name) && !TEST.test(name) ? [path] : [];
  });
}

function resolveFile(base) {
  const candidates = [base, ...[".ts", ".tsx", "/index.ts", "/index.tsx"].map((s) => base + s)];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

function target(from, specifier) {
  if (specifier.startsWith("@/")) return resolveFile(join(ROOT, specifier.slice(2)));
  if (specifier.startsWith(".")) return resolveFile(resolve(dirname(from), specifier));
  return undefined;
}

function folderOf(file) {
  const folder = relative(ROOT, dirname(file));
  return SCOPES.includes(folder) ? relative(ROOT, file) : folder;
}
const inScope = (folder) => SCOPES.some((s) => folder === s || folder.startsWith(`${s}/`));

const edges = new Map();
for (const file of SCOPES.flatMap((scope) => walk(join(ROOT, scope)))) {
  const from = folderOf(file);
  for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
    const resolved = target(file, match[1] ?? match[2]);
    if (!resolved) continue;
    const to = folderOf(resolved);
    if (to === from || !inScope(to)) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from).add(to);
  }
}

// Tarjan's strongly connected components: any component with two or more folders is a loop.
let index = 0;
const stack = [];
const state = new Map();
const loops = [];
function visit(node) {
  state.set(node, { index, low: index, onStack: true });
  index++;
  stack.push(node);
  for (const next of edges.get(node) ?? []) {
    if (!state.has(next)) {
      visit(next);
      state.get(node).low = Math.min(state.get(node).low, state.get(next).low);
    } else if (state.get(next).onStack) {
      state.get(node).low = Math.min(state.get(node).low, state.get(next).index);
    }
  }
  if (state.get(node).low === state.get(node).index) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      state.get(member).onStack = false;
      component.push(member);
    } while (member !== node);
    if (component.length > 1) loops.push(component.sort());
  }
}
for (const node of edges.keys()) if (!state.has(node)) visit(node);

const folders = new Set([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])]);
if (loops.length === 0) {
  console.log(`No folder cycles among ${folders.size} folders of ${SCOPES.join(", ")}.`);
} else {
  for (const loop of loops) {
    console.log(`Folder cycle: ${loop.join(" <-> ")}`);
    for (const from of loop)
      for (const to of edges.get(from) ?? [])
        if (loop.includes(to)) console.log(`  ${from} -> ${to}`);
  }
  process.exitCode = 1;
}
