// Host DASD figures (spec §9, seed 001): the journal append rate — host writes split to the appliance,
// received into the DO stream and distributed with their undo — and the time to give virtual image
// access to a point in time 1,000,000 transactions back. Both run runbook text through the Session.

import { performance } from 'node:perf_hooks';
import { Session } from '../core/session.js';
import { againstBaseline, gc, runText, type Figures } from './figures.js';
import { replicaOf } from '../core/dasd/image-access.js';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A 3390-9-sized catalog volume and its replica, over a link fast enough that the journal, not the link, is measured. */
function replicatedPair(transactions: number): Session {
  const session = new Session(null, 1);
  const journalGB = Math.max(1, Math.ceil((transactions * (2 * 4096 + 128)) / 2 ** 30) + 1);
  runText(session, [
    'SITE PROD',
    'SITE DR',
    'DASD SRC SITE PROD SIZE 8GB TYPE 3390-9',
    'DASD REP SITE DR SIZE 8GB TYPE 3390-9',
    `REPLICATE SRC TO REP ASYNC JOURNAL ${journalGB}GB GBPS 400`,
    'BOOKMARK SRC BEFORE',
  ]);
  return session;
}

/** DASDLOAD of `transactions` 4 KB writes in one simulated second: wall-clock transactions per second. */
export function journalAppend(transactions = 1_000_000): { figures: Figures; session: Session } {
  const session = replicatedPair(transactions);
  const rate = (transactions * 4096) / 2 ** 20;
  const command = session.validate(`DASDLOAD SRC RATE ${rate} IOSIZE 4KB FOR 1s`).commands[0]!;
  // From a clean heap, as its baseline: what earlier figures left is not the journal's to collect.
  gc();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const record = session.run(command);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  if (!record.ok) throw new Error(`DASDLOAD refused: ${record.error?.message}`);
  const writes = (record.result as { writes: number }).writes;
  const journal = runText(session, ['SHOW JOURNAL REP'])[0]!.result as { historyTransactions: number; releasedTransactions: number };
  if (journal.historyTransactions !== writes) throw new Error(`journal holds ${journal.historyTransactions} of ${writes} transactions`);
  const baseline = { rate: plainAppendRate(writes, true), recordsOnly: plainAppendRate(writes, false) };
  return {
    session,
    // The target is written without digit grouping so bench/table.ts can read it for the verdict.
    figures: {
      journalAppend: againstBaseline(
        {
          value: Math.round(writes / (ms / 1000)),
          unit: 'tx/s',
          target: '>= 1000000 tx/s',
          detail: {
            transactions: writes,
            wallMs: round(ms, 1),
            cpuSeconds: round(cpuSeconds, 2),
            txPerCpuSecond: Math.round(writes / cpuSeconds),
            released: journal.releasedTransactions,
            recordsOnlyBaseline: Math.round(baseline.recordsOnly),
            recordsOnlyRatio: round(baseline.recordsOnly / (writes / (ms / 1000)), 2),
          },
        },
        baseline.rate,
        '<= 2',
        true,
      ),
    },
  };
}

/**
 * The machine's limit for the journal: the same records (seed 001 FIG. 2: identifier, time stamp,
 * arrival, address, size, data pointer and a data word per 4 KB block) appended to preallocated typed
 * arrays, once to a DO stream and once to an UNDO stream as the appliance keeps both. `withData`: the
 * same data moves too, as it does through the journal — the production volume's block written, and
 * the replica's block exchanged for the new one (its old word is the UNDO stream's data), each volume a
 * plain array of its blocks. Without it, the records alone (shown beside, in the figure's detail).
 * Transactions per second.
 */
function plainAppendRate(transactions: number, withData: boolean): number {
  const stream = () => ({
    seq: new Float64Array(transactions),
    time: new Float64Array(transactions),
    arrive: new Float64Array(transactions),
    start: new Int32Array(transactions),
    count: new Int32Array(transactions),
    off: new Float64Array(transactions),
    words: new Uint32Array(transactions),
  });
  const doStream = stream();
  const undoStream = stream();
  const streams = [doStream, undoStream];
  const blocks = (8 * 2 ** 30) / 4096;
  const production = new Uint32Array(withData ? blocks : 0);
  const replica = new Uint32Array(withData ? blocks : 0);
  let seed = 12345;
  gc();
  const started = performance.now();
  for (let i = 0; i < transactions; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const block = seed % blocks;
    for (const s of streams) {
      s.seq[i] = i + 1;
      s.time[i] = i / 1000;
      s.arrive[i] = i / 1000 + 1;
      s.start[i] = block;
      s.count[i] = 1;
      s.off[i] = i;
      s.words[i] = seed ^ i;
    }
    if (withData) {
      const word = seed ^ i;
      production[block] = word;
      undoStream.words[i] = replica[block] ?? 0;
      replica[block] = word;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const last = transactions - 1;
  if (withData ? doStream.words[last] !== production[doStream.start[last] ?? -1] : undoStream.words[last] !== doStream.words[last]) {
    throw new Error('baseline streams differ');
  }
  return transactions / seconds;
}

/** IMAGE ACCESS … VIRTUAL to the bookmark before the load: the image built from the whole journal. */
export function imageAccess(session: Session): Figures {
  const access = session.validate('IMAGE ACCESS REP AT BEFORE VIRTUAL').commands[0]!;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const record = session.run(access);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (!record.ok) throw new Error(`IMAGE ACCESS refused: ${record.error?.message}`);
  const back = (record.result as { transactionsBack: number }).transactionsBack;
  // The image must be the volume as it was: empty before the load.
  const image = runText(session, ['CHECKSUM REP IMAGE'])[0]!.result as { digest: string };
  const empty = runText(new Session(null, 1), ['SITE S', 'DASD E SITE S SIZE 1MB', 'CHECKSUM E'])[2]!.result as { digest: string };
  if (image.digest !== empty.digest) throw new Error('the image 1,000,000 transactions back is not the empty volume it was');
  const baseline = plainScanMs(session);
  runText(session, ['IMAGE DISABLE REP']);
  return {
    imageAccess1M: againstBaseline({ value: round(ms, 1), unit: 'ms', target: '<= 500 ms', detail: { transactionsBack: back, cpuSeconds: round((used.user + used.system) / 1e6, 3) } }, baseline, null),
  };
}

/**
 * The machine's limit for building that image: a plain scan of the same journal's UNDO stream,
 * oldest first, each block's first before-image kept in a plain array the size of the volume.
 */
function plainScanMs(session: Session): number {
  const r = replicaOf(session.engine.state, 'REP');
  const u = r.journal.undoLog;
  const blocks = (8 * 2 ** 30) / 4096;
  const started = performance.now();
  const image = new Uint32Array(blocks);
  const seen = new Uint8Array(blocks);
  let kept = 0;
  for (let i = u.head; i < u.tail; i++) {
    const x = u.at(i);
    const start = u.start[x]!;
    const count = u.count[x]!;
    const w = u.wordAt(u.off[x]!);
    for (let k = 0; k < count; k++) {
      const b = start + k;
      if (seen[b] === 0) {
        seen[b] = 1;
        image[b] = u.words[w + k]!;
        kept++;
      }
    }
  }
  const ms = performance.now() - started;
  if (kept === 0 && u.tail > u.head) throw new Error('baseline scan kept no block');
  return ms;
}
