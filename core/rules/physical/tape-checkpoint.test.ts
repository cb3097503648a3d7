// The tape state survives a checkpoint (core/engine/checkpoint.ts): pools, stacked volumes, a Copy
// Export mid-copy or mid-eject with its timers, reclamation, stand-alone libraries mid-recovery. A
// restored engine re-serialises byte for byte and carries on exactly as the original does (spec §1),
// which is what lets a restarted console resume an export (Redbook §11.5.4 E0022/E0023).

import { describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.js';
import { restoreState, serializeState, type Checkpoint } from '../../engine/checkpoint.js';
import { Session } from '../../session.js';
import { Rig } from '../../runbook/testing.js';

const GRID = `SEED 7
GRID GRID01
SITE PROD
CLUSTER CL0 SITE PROD MODEL TAPE DRIVES 6 IOSTATION
HOST PRODHOST SITE PROD ROLE PRODUCTION DEVICES CL0
MC MCCE COPY R SECONDARY 8
MC MCLIST COPY R
POOL CL0 8 MEDIA JJ FORMAT J1A COPYEXPORT SCRATCH 20 ENCRYPT KEY1
PRELOAD A00000-A00039 ON CL0 MC MCCE SIZE 10GB
INSERT EXP000-EXP009 ON CL0 CATEGORY 000F
INSERT S00000-S00099 ON CL0
ADVANCE 1m
EXPORTLIST EXP000 ON CL0 POOL 8 HOLD LMTDBPVL MC MCLIST`;

/** What an operator would look at afterwards: every record of the continuation, as JSON. */
const CONTINUE = `ADVANCE UNTIL IDLE
SHOW EXPORTSTATUS EXP000 LIMIT 100
LI REQ,CL0,POOLCNT
LI REQ,CL0,PDRIVE
SHOW RECOVERY DRLIB
SHOW CLUSTER DRLIB`;

function equalCheckpoints(a: Checkpoint, b: Checkpoint): void {
  expect(JSON.stringify(b.meta)).toBe(JSON.stringify(a.meta));
  expect(Object.keys(b.blobs).sort()).toEqual(Object.keys(a.blobs).sort());
  for (const [name, blob] of Object.entries(a.blobs)) expect(Buffer.from(b.blobs[name] ?? []).equals(Buffer.from(blob)), name).toBe(true);
  expect(Object.keys(a.blobs).some((n) => n.startsWith('tape/'))).toBe(true);
}

/** Restores `rig`'s state into a fresh engine and checks both continue identically. */
function roundTrip(rig: Rig, continuation = CONTINUE) {
  const cp = serializeState(rig.session.engine.state);
  const restored = new Rig();
  (restored as { session: Session }).session = new Session(null, 7, new Engine(7, restoreState(cp)));
  equalCheckpoints(cp, serializeState(restored.session.engine.state));
  const strip = (records: ReturnType<Rig['lines']>) => records.map((r) => JSON.stringify({ ...r, line: 0 }));
  const original = strip(rig.lines(continuation));
  const again = strip(restored.lines(continuation));
  expect(again).toEqual(original);
  const records: { command: string; result: Record<string, unknown>; messages: { id: string; text: string }[] }[] = original.map((r) => JSON.parse(r));
  return records;
}

const STANDALONE = 'STANDALONE DRLIB MODEL TAPE DRIVES 4 FORMATS J1A KEYS KEY1';

describe('tape state across a checkpoint (core/engine/checkpoint.ts)', () => {
  it('a Copy Export copying cache-only volumes (E0016, E0013 waits) carries on after a restore', () => {
    const rig = new Rig(`${GRID}\n${STANDALONE}\nPOOL CL0 0 SCRATCH 0\nPOOL CL0 8 SCRATCH 0`);
    rig.all('JOB PRODHOST WRITE 10 SCRATCH ON CL0 MC MCCE SIZE 10GB\nLIBRARY EXPORT,EXP000\nADVANCE 6m');
    expect(rig.ok('SHOW EXPORTSTATUS EXP000 LIMIT 0').state).toBe('premigrating');
    const out = roundTrip(rig, `ADVANCE 10m\nPOOL CL0 8 SCRATCH 20\n${CONTINUE}`);
    const texts = out.flatMap((r) => r.messages.map((m) => m.text));
    expect(texts.some((t) => t.includes('E0013'))).toBe(true);
    expect(texts.some((t) => t.includes('E0014'))).toBe(true);
    expect(out.find((r) => r.command.startsWith('SHOW EXPORTSTATUS'))?.result).toMatchObject({ state: 'completed', exported: 50 });
  });

  it('an export between stacked volumes (database backup, export-hold) carries on after a restore', () => {
    const rig = new Rig(`${GRID}\n${STANDALONE}\nDRIVES CL0 AVAILABLE 4`);
    rig.all('LIBRARY EXPORT,EXP000\nADVANCE 40s');
    expect(rig.ok('SHOW EXPORTSTATUS EXP000 LIMIT 0').state).toBe('exporting');
    const out = roundTrip(rig);
    expect(out[1]?.result).toMatchObject({ state: 'completed', exported: 40, stacked: 8, dbBackupOn: ['SA0001', 'SA0002', 'SA0007', 'SA0008'] });
  });

  it('an interrupted export recovers after a restore (E0022 then E0023, Redbook §11.5.4)', () => {
    const rig = new Rig(`${GRID}\n${STANDALONE}`);
    rig.all('LIBRARY EXPORT,EXP000\nADVANCE 20s\nRESTART CL0');
    expect(rig.ok('SHOW EXPORTSTATUS EXP000 LIMIT 0').state).toBe('recovering');
    const out = roundTrip(rig);
    expect(out[0]?.messages.map((m) => m.text).join('\n')).toContain('E0023 EXPORT RECOVERY COMPLETED');
    expect(out[1]?.result).toMatchObject({ state: 'recovered', completion: 'CBR3856I' });
  });

  it('a stand-alone library mid-recovery and a reclamation carry on after a restore', () => {
    const rig = new Rig(`${GRID.replace('POOL CL0 8', 'POOL CL0 1 MEDIA JJ FORMAT J1A\nPOOL CL0 8')}\n${STANDALONE}`);
    rig.all('LIBRARY EXPORT,EXP000\nADVANCE UNTIL IDLE\nEJECT CL0 EXPORTHOLD\nTRANSPORT EXPORTED FROM CL0 TO DRLIB');
    rig.all('MOUNT A00000 ON CL0 HOST PRODHOST\nWRITE A00000 1GB\nDEMOUNT A00000\nADVANCE UNTIL IDLE\nRECLAIM CL0 POOL 1 THRESHOLD 100');
    rig.all('RECOVER DRLIB FROM SA0001\nADVANCE 2m');
    expect(rig.ok('SHOW RECOVERY DRLIB').status).toBe('in progress');
    expect(rig.ok('LI REQ,CL0,PDRIVE').drives.map((d: { role: string }) => d.role)).toContain('RCLS');
    const out = roundTrip(rig);
    const recovery = out.find((r) => r.command === 'SHOW RECOVERY DRLIB')?.result;
    expect(recovery).toMatchObject({ status: 'completed', volumes: 40, testMode: true });
  });
});
