// The shape of core/, read from the source: no import cycle (type-only imports count: a type cycle
// still tangles the layers), the world at the bottom importing nothing above it, no outer layer or
// test tool reached from product code, and no registration run at import.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CORE = dirname(fileURLToPath(import.meta.url));

/** core/'s product files (tests and fixtures excluded), as paths relative to core/. */
function productFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...productFiles(path));
    else if (/\.tsx?$/.test(entry.name) && !/\.(test|fixture)\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(relative(CORE, path));
  }
  return out.sort();
}

/** Every module specifier a file names: import, import type, export … from, import(). */
function specifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** The import graph of core/: file → core files it imports (relative to core/). */
function importGraph(sources: Map<string, string>): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, source] of sources) {
    const deps: string[] = [];
    for (const spec of specifiers(source)) {
      if (!spec.startsWith('.')) continue;
      const target = relative(CORE, resolve(CORE, dirname(file), spec)).replace(/\.js$/, '.ts');
      if (sources.has(target)) deps.push(target);
    }
    graph.set(file, deps);
  }
  return graph;
}

/** One cycle through each strongly connected group of files (Tarjan), as a closed path. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      const seen = index.get(w);
      if (seen === undefined) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, seen));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      onStack.delete(w);
      group.push(w);
      if (w === v) break;
    }
    if (group.length > 1 || (graph.get(v) ?? []).includes(v)) groups.push(group);
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return groups.map((group) => closedPath(graph, new Set(group)));
}

/** A shortest path from the group's first file back to itself, inside the group. */
function closedPath(graph: Map<string, string[]>, group: Set<string>): string[] {
  const [start] = [...group].sort();
  if (start === undefined) return [];
  const from = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i];
    if (v === undefined) break;
    for (const w of graph.get(v) ?? []) {
      if (!group.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u: string | undefined = v; u !== undefined && u !== start; u = from.get(u)) path.splice(1, 0, u);
        return [...path, start];
      }
      if (!from.has(w)) {
        from.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

const files = productFiles(CORE);
const sources = new Map(files.map((f) => [f, readFileSync(join(CORE, f), 'utf8')]));
const graph = importGraph(sources);

/** The layers core/world may import: the model and the simulation primitives. */
const BELOW_WORLD = ['world/', 'model/', 'sim/'];

/** Packages core/ never imports: test tools and the shells around it (services, renderer, contract,
 * cli, electron and host are outside core/ and caught as paths leaving it). */
const FORBIDDEN_PACKAGES = /^(vitest|@playwright|electron|react|react-dom|zustand)(\/|$)/;

describe('core architecture', () => {
  it('reads every product file of core/', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('world/state.ts');
    expect(files).toContain('engine/event-handlers.ts');
  });

  it('has no import cycle, type-only imports included', () => {
    const found = cycles(graph).map((path) => path.join(' -> '));
    expect(found).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const tangled = new Map(sources);
    tangled.set('world/state.ts', `${sources.get('world/state.ts') ?? ''}\nimport type { Outcome } from '../engine/engine.js';\n`);
    const found = cycles(importGraph(tangled));
    expect(found.length).toBeGreaterThan(0);
    expect(found.flat()).toContain('world/state.ts');
    expect(found.flat()).toContain('engine/engine.ts');
  });

  it('keeps the world at the bottom: it imports only the model, the simulation primitives and itself', () => {
    const above: string[] = [];
    for (const [file, deps] of graph) {
      if (!file.startsWith('world/')) continue;
      for (const dep of deps) if (!BELOW_WORLD.some((layer) => dep.startsWith(layer))) above.push(`${file} -> ${dep}`);
    }
    expect(above).toEqual([]);
  });

  it('keeps everything the world reaches, transitively, in the world, the model and the simulation primitives', () => {
    const reached = new Set<string>();
    const todo = [...graph.keys()].filter((f) => f.startsWith('world/'));
    for (let f = todo.pop(); f !== undefined; f = todo.pop()) {
      for (const dep of graph.get(f) ?? []) {
        if (reached.has(dep)) continue;
        reached.add(dep);
        todo.push(dep);
      }
    }
    expect([...reached].filter((f) => !BELOW_WORLD.some((layer) => f.startsWith(layer))).sort()).toEqual([]);
  });

  it('never reaches an outer layer or a test tool from product code', () => {
    const outside: string[] = [];
    for (const [file, source] of sources) {
      for (const spec of specifiers(source)) {
        const escapes = spec.startsWith('.') && relative(CORE, resolve(CORE, dirname(file), spec)).startsWith('..');
        if (escapes || FORBIDDEN_PACKAGES.test(spec)) outside.push(`${file} -> ${spec}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('runs nothing at import: no top-level statement calls a function (a registry would hide which rule runs)', () => {
    const running: string[] = [];
    for (const [file, source] of sources) {
      const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false);
      for (const statement of sf.statements) if (ts.isExpressionStatement(statement)) running.push(`${file}: ${statement.getText(sf).slice(0, 80)}`);
    }
    expect(running).toEqual([]);
  });
});
