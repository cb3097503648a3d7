#!/usr/bin/env node
// `npm run test:e2e:alone [-- --seed <n>]`: runs every web-mode e2e test on its own — one Playwright
// run per test, in a shuffled order (the seed is printed, so a failing order can be run again). A test
// that passes here needs nothing an earlier test left behind: the proof that the suite passes in any
// order, which one serial run cannot give. Ends with `N passed, N failed`, as npm test does.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const playwright = join(root, 'node_modules', '.bin', 'playwright');
const { values } = parseArgs({ options: { seed: { type: 'string' } } });
const seed = values.seed === undefined ? Date.now() % 1_000_000 : Number(values.seed);

const listing = spawnSync(playwright, ['test', '--list', '--reporter=json', '--project=web'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
if (listing.status !== 0) {
  process.stderr.write(listing.stderr);
  process.exit(1);
}
const tests = [];
const walk = (suite) => {
  for (const spec of suite.specs ?? []) tests.push({ at: `e2e/${spec.file}:${spec.line}`, title: spec.title });
  for (const child of suite.suites ?? []) walk(child);
};
for (const suite of JSON.parse(listing.stdout).suites) walk(suite);

// mulberry32: a small seeded shuffle, so an order that fails can be replayed with --seed.
let state = seed >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
for (let i = tests.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [tests[i], tests[j]] = [tests[j], tests[i]];
}

console.log(`${tests.length} tests, each on its own, shuffled with --seed ${seed}`);
// The renderer is built once here; each run below reuses it.
if (spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
let passed = 0;
const failures = [];
for (const [i, test] of tests.entries()) {
  const run = spawnSync(playwright, ['test', '--project=web', '--reporter=dot', test.at], { cwd: root, encoding: 'utf8', env: { ...process.env, TZ_E2E_SKIP_BUILD: '1' } });
  const ok = run.status === 0;
  if (ok) passed++;
  else failures.push({ ...test, output: `${run.stdout}${run.stderr}` });
  console.log(`${String(i + 1).padStart(3)}/${tests.length} ${ok ? 'ok  ' : 'FAIL'} ${test.at} ${test.title}`);
}
for (const failure of failures) console.log(`\n--- ${failure.at} ${failure.title}\n${failure.output}`);
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length > 0 ? 1 : 0);
