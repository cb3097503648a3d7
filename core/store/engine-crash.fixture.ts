// Test fixture, run as its own process by engine.crash.test.ts: the engine with --db (the CLI's
// persistence, cli/persistent.ts) working through the endless plan of crash-work.ts until it is
// killed. On start it continues after the last plan line the database holds; it prints
//   S <next-plan-line> <dasd 0|1>         once opened (after any power-off recovery)
//   R <json record>                       for each line the restart issued (E0022 …)
//   C <plan-line>                         after each plan line has committed
// Usage: node engine-crash.fixture.js <db-path> <dasd 0|1> <pause-ms>

import { existsSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { openPersistentSession } from '../../cli/persistent.js';
import { planLine } from './crash-work.js';

export const WORK_SOURCE = 'work#';

/** The plan line after the last one the database holds. */
export function nextPlanLine(path: string): number {
  if (!existsSync(path)) return 0;
  const db = new Database(path, { readonly: true });
  try {
    const row = db.prepare(`SELECT source FROM journal WHERE source LIKE '${WORK_SOURCE}%' ORDER BY seq DESC LIMIT 1`).get() as { source: string } | undefined;
    return row ? Number(row.source.slice(WORK_SOURCE.length)) + 1 : 0;
  } catch {
    return 0; // a database the writer never got to migrate
  } finally {
    db.close();
  }
}

function main(path: string, dasd: boolean, pauseMs: number): void {
  const next = nextPlanLine(path);
  const noFiles = {
    readText: (p: string): string => {
      throw new Error(`no files here: ${p}`);
    },
  };
  const { session, recovered } = openPersistentSession(path, noFiles, 11);
  const write = (line: string) => process.stdout.write(`${line}\n`);
  write(`S ${next} ${dasd ? 1 : 0}`);
  for (const record of recovered) write(`R ${JSON.stringify(record)}`);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let n = next; n < next + 100_000; n++) {
    const text = planLine(n, dasd);
    const validated = session.validate(text);
    if (validated.errors.length === 0 && validated.commands.length === 1) session.run(validated.commands[0]!, `${WORK_SOURCE}${n}`);
    else throw new Error(`plan line ${n} '${text}': ${validated.errors[0]?.message ?? 'not one command'}`);
    write(`C ${n}`);
    // A little room between commands, so the kills spread over the commands rather than the pipe.
    if (pauseMs > 0) Atomics.wait(pause, 0, 0, pauseMs);
  }
}

// realpath: the bundle may be started through a symlinked node_modules (a git worktree's).
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) main(process.argv[2]!, process.argv[3] === '1', Number(process.argv[4] ?? 0));
