// A cold start takes the checkpoint's volume blobs as its columns (restoreState's `adopt`): the grid
// must go on exactly as one restored by copying them — growing past the saved capacity included.

import { describe, expect, it } from 'vitest';
import { restoreState, serializeState, type Checkpoint } from './checkpoint.js';
import { Session } from '../session.js';
import { Engine } from './engine.js';

const GRID = [
  'GRID G',
  'SITE A',
  'SITE B',
  'CLUSTER CL0 SITE A MODEL DISK CACHE 1PB',
  'CLUSTER CL1 SITE B MODEL TAPE CACHE 1PB DRIVES 16',
  'HOST PRODA SITE A ROLE PRODUCTION DEVICES CL0,CL1',
  'CATEGORY 0002 SCRATCH',
  'MC M1 COPY RD',
];

/** A checkpoint's blobs as a store hands them out: each in its own buffer, the restore's alone. */
function loaded(cp: Checkpoint): Checkpoint {
  const blobs: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(cp.blobs)) blobs[name] = Uint8Array.from(bytes);
  return { meta: structuredClone(cp.meta), blobs };
}

function session(cp: Checkpoint, adopt: boolean): Session {
  return new Session(null, 1, new Engine(1, restoreState(loaded(cp), { adopt })));
}

function texts(s: Session, lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const v = s.validate(line);
    expect(v.errors).toEqual([]);
    for (const c of v.commands) out.push(JSON.stringify(s.run(c)));
  }
  return out;
}

describe('cold start from adopted blobs', () => {
  it('answers, writes and grows as a copied restore does, and checkpoints the same bytes', () => {
    const original = new Session(null, 1);
    texts(original, [...GRID, 'PRELOAD A00000-A01999 ON CL0 MC M1 SIZE 1GB', 'INSERT S00000-S00099 ON CL0 CATEGORY 0002']);
    const cp = serializeState(original.engine.state);
    const copied = session(cp, false);
    const adopted = session(cp, true);
    expect(adopted.engine.state.volumes.cols.code.length).toBe(2100);
    // Past the saved capacity: the adopted columns grow to it first, then on as the original would.
    const more = [
      'JOB PRODA WRITE 40 SCRATCH ON CL0 MC M1 SIZE 1GB',
      'PRELOAD B00000-B09999 ON CL1 MC M1 SIZE 1GB',
      'INSERT T00000-T00999 ON CL1 CATEGORY 0002',
      'SHOW VOLUME A00005',
      'SHOW VOLUME B09999',
      'ADVANCE UNTIL IDLE',
    ];
    expect(texts(adopted, more)).toEqual(texts(copied, more));
    const a = serializeState(adopted.engine.state);
    const b = serializeState(copied.engine.state);
    expect(JSON.stringify(a.meta)).toBe(JSON.stringify(b.meta));
    expect(Object.keys(a.blobs)).toEqual(Object.keys(b.blobs));
    for (const [name, blob] of Object.entries(b.blobs)) expect(Buffer.compare(Buffer.from(a.blobs[name] ?? []), Buffer.from(blob)), name).toBe(0);
  });
});
