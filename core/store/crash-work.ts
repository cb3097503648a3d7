// The long work the engine crash test (engine.crash.test.ts) kills at random: a three-cluster grid
// with a tape-attached exporter, then rounds of host writes that leave Deferred copies in flight, a
// Copy Export walked through in small ADVANCE steps (so a kill lands mid-export), the exported
// cartridges carried to a stand-alone library and recovered (Redbook §11.7.2), and — when the Host
// DASD journal engine is present — writes into a replicated DASD with a journal roll.

/** Setup lines, run once. */
export const SETUP = [
  'SEED 11',
  'GRID CRASHGRID',
  'SITE PROD',
  'SITE DR',
  'CLUSTER CL0 SITE PROD MODEL DISK',
  'CLUSTER CL1 SITE PROD MODEL TAPE DRIVES 8 IOSTATION',
  'CLUSTER CL2 SITE DR MODEL DISK',
  'HOST PRODHOST SITE PROD ROLE PRODUCTION DEVICES CL0,CL1',
  'MC MCCEDATA COPY RRD SECONDARY 8',
  'MC MCELFVOL COPY NRN',
  'MC MCDEF COPY RDD',
  'POOL CL1 8 MEDIA JC FORMAT E07 COPYEXPORT RECLAIM 8 SCRATCH 400',
  'PRELOAD A00000-A00199 ON CL0 MC MCCEDATA SIZE 400MB',
  'INSERT S00000-S09999 ON CL0',
  'INSERT E00000-E00999 ON CL1',
  'STANDALONE DRLIB MODEL TAPE DRIVES 8 FORMATS E07',
];

/** The Host DASD journal lines (spec §9), used when this build's parser knows them. */
export const DASD_SETUP = ['DASD PRIM SITE PROD SIZE 2GB', 'DASD REPL SITE DR SIZE 2GB', 'REPLICATE PRIM TO REPL ASYNC JOURNAL 256MB'];

/** One round: copies in flight, an export advanced step by step, a recovery, a journal roll. */
export function round(k: number, dasd: boolean): string[] {
  const list = `E${String(k % 1000).padStart(5, '0')}`;
  const lines = [
    `JOB PRODHOST WRITE 20 SCRATCH ON CL0 MC MCDEF SIZE 200MB`,
    'ADVANCE 30s',
    `JOB PRODHOST WRITE 5 SCRATCH ON CL1 MC MCCEDATA SIZE 100MB`,
    `EXPORTLIST ${list} ON CL1 POOL 8 HOLD MC MCELFVOL`,
    `LIBRARY EXPORT,${list}`,
  ];
  for (let i = 0; i < 12; i++) lines.push('ADVANCE 20s');
  lines.push('ADVANCE UNTIL IDLE', `SHOW EXPORTSTATUS ${list}`, 'EJECT CL1 EXPORTHOLD', 'IOSTATION CL1 EMPTY');
  lines.push('ERASE DRLIB', 'ADVANCE UNTIL IDLE', 'TRANSPORT EXPORTED FROM CL1 TO DRLIB', 'RECOVER DRLIB FROM LATEST', 'ADVANCE 30s', 'ADVANCE UNTIL IDLE', 'SHOW RECOVERY DRLIB');
  if (dasd) {
    const at = (k % 400) * 4 + 4;
    lines.push(`DASDWRITE PRIM ${at}MB 4MB PATTERN R${k}`, 'ADVANCE 10s', `BOOKMARK PRIM B${k}`, `DASDWRITE PRIM ${at + 1}MB 2MB PATTERN L${k}`, 'ADVANCE 10s');
    lines.push(`IMAGE ACCESS REPL AT B${k} VIRTUAL`, 'IMAGE ROLL REPL', 'ADVANCE 10s', 'IMAGE DISABLE REPL');
  }
  return lines;
}

/** Line n (0-based) of the endless plan. */
export function planLine(n: number, dasd: boolean): string {
  const setup = dasd ? [...SETUP, ...DASD_SETUP] : SETUP;
  if (n < setup.length) return setup[n]!;
  const size = round(0, dasd).length;
  const i = n - setup.length;
  return round(Math.floor(i / size), dasd)[i % size]!;
}
