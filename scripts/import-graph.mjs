#!/usr/bin/env node
// Counts the imports between the top-level folders of apps/server/src and names every circle among them.
// Usage: node scripts/import-graph.mjs [srcDir]   (exits 1 when a circle exists)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? 'apps/server/src');
const importPattern = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

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

for (const [key, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) console.log(`${key.padEnd(34)} ${count}`);

// Depth-first search over the folder graph; a back edge closes a circle.
const circles = [];
const state = new Map();
const visit = (node, path) => {
  state.set(node, 'open');
  for (const next of edges.get(node) ?? []) {
    if (state.get(next) === 'open') circles.push([...path.slice(path.indexOf(next)), next].join(' -> '));
    else if (!state.has(next)) visit(next, [...path, next]);
  }
  state.set(node, 'done');
};
for (const node of edges.keys()) if (!state.has(node)) visit(node, [node]);

console.log(circles.length ? `\ncircles:\n  ${circles.join('\n  ')}` : '\nno circles between folders');
process.exit(circles.length ? 1 : 0);
