#!/usr/bin/env node
// Counts the imports between the top-level folders of apps/server/src (tests included) and names every group
// of folders that import each other in a circle.
// Usage: node scripts/import-graph.mjs [srcDir]   (exits 1 when a circle exists)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? 'apps/server/src');
const importPattern =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

const folderOf = (file) => {
  const parts = relative(root, file).split(sep);
  return parts.length === 1 ? '(root)' : parts[0];
};

const counts = new Map();
for (const file of sourceFiles(root)) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(importPattern)) {
    const target = resolve(dirname(file), match[1] ?? match[2]);
    if (!target.startsWith(root + sep)) continue;
    const from = folderOf(file);
    const to = folderOf(target);
    if (from === to) continue;
    const key = `${from} -> ${to}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
}

const edges = new Map();
for (const key of counts.keys()) {
  const [from, to] = key.split(' -> ');
  if (!edges.has(from)) edges.set(from, new Set());
  edges.get(from).add(to);
}

for (const [key, count] of [...counts].sort(([a], [b]) => a.localeCompare(b)))
  console.log(`${key.padEnd(34)} ${count}`);

// Tarjan's strongly connected components: every folder in a component of two or more sits on a circle.
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const circles = [];
let counter = 0;
const connect = (node) => {
  index.set(node, counter);
  low.set(node, counter++);
  stack.push(node);
  onStack.add(node);
  for (const next of edges.get(node) ?? []) {
    if (!index.has(next)) {
      connect(next);
      low.set(node, Math.min(low.get(node), low.get(next)));
    } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
  }
  if (low.get(node) !== index.get(node)) return;
  const component = [];
  for (let member = stack.pop(); ; member = stack.pop()) {
    onStack.delete(member);
    component.push(member);
    if (member === node) break;
  }
  if (component.length > 1) circles.push(component.sort().join(', '));
};
for (const node of edges.keys()) if (!index.has(node)) connect(node);

console.log(circles.length ? `\nfolders on a circle:\n  ${circles.join('\n  ')}` : '\nno circles between folders');
process.exit(circles.length ? 1 : 0);
