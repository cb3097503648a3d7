import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'core/**/*.test.ts',
      'cli/**/*.test.ts',
      'contract/**/*.test.ts',
      'services/**/*.test.ts',
      'host/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'bench/**/*.test.ts',
    ],
    testTimeout: 60_000,
    pool: 'forks',
    // Vitest's default of one worker less than the cores leaves one worker on a two-core machine (CI's),
    // and that worker sat idle between files while the next one started: two keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A worker runs file after file in one process: the files share the module cache instead of each
    // importing the engine anew (half the run's time). No test file leans on another: they pass with
    // files in any order (`--sequence.shuffle.files`), and a test's own state lives in its own objects.
    isolate: false,
  },
});
