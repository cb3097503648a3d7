// The DASD state is part of the checkpoint (core/engine/checkpoint.ts): restoring and going on gives
// the same results as never having stopped; a checkpoint from before spec §9 restores with no DASD.

import { describe, expect, it } from 'vitest';
import { restoreState, serializeState } from '../engine/checkpoint.js';
import { Engine } from '../engine/engine.js';
import { Session } from '../session.js';
import { Rig } from '../runbook/testing.js';

const SCRIPT = `SITE PROD
SITE DR
DASD CAT SITE PROD SIZE 1GB
DASD CATR SITE DR SIZE 1GB
REPLICATE CAT TO CATR ASYNC JOURNAL 256MB
DASDWRITE CAT 0 1MB PATTERN A
ADVANCE 5s
BOOKMARK CAT B1
DASDLOAD CAT RATE 10 IOSIZE 64KB FOR 5s
IMAGE ACCESS CATR AT B1 VIRTUAL
DASDWRITE CATR 0 4KB PATTERN T
DASD VV SITE PROD SIZE 10MB
DISTRIBUTE VV SITES PROD,DR CHANGESET 5s
DASDWRITE VV 0 8KB PATTERN X SITE DR
DASD P SITE PROD SIZE 100MB
DASD S SITE DR SIZE 100MB
REMOTECOPY P TO S ESTABLISH OFFLINE
DASDWRITE P 0 1MB
SOURCEPOOL SP VOLUMES P
DASD T1 SITE PROD SIZE 100MB
TARGETPOOL TP FOR SP VOLUMES T1
PREPAIR SP`;

const AFTER = ['CHECKSUM CATR IMAGE', 'IMAGE DISABLE CATR', 'CHECKSUM CATR', 'ADVANCE 10s', 'CHECKSUM VV SITE DR', 'SHOW JOURNAL CATR', 'SYNC S', 'BACKUP SP', 'SHOW VERSIONS SP'];

describe('DASD checkpoint', () => {
  it('restores volumes, journals, image access, change sets, grain bitmaps and records exactly', () => {
    const rig = new Rig(SCRIPT);
    const restored = new Session(null, 1, new Engine(1, restoreState(serializeState(rig.session.engine.state))));
    const a = rig.all(AFTER.join('\n')).map((r) => JSON.stringify(r.result));
    const b = AFTER.flatMap((line) => restored.validate(line).commands.map((cmd) => JSON.stringify(restored.run(cmd).result)));
    expect(b).toEqual(a);
  });

  it('restores an empty DASD state from a checkpoint written before the dasd section existed', () => {
    const rig = new Rig('SITE A');
    const cp = serializeState(rig.session.engine.state);
    delete cp.meta.dasd;
    const state = restoreState(cp);
    expect(state.dasd.volumes).toEqual([]);
  });
});
