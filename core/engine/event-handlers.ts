// The one table of event rules: which rule serves each simulated event kind, and what runs after every
// event. Assembled here, at the top of core, from handlers the rule modules export; the engine hands it
// to every grid state it makes or restores.

import type { EventHandlers, EventRules } from '../world/state.js';
import { onCopy, pumpCopies } from '../rules/copies.js';
import { onPremigrated } from '../rules/cache.js';
import { onAotm } from '../rules/failures.js';
import { onErased, onReclaim } from '../rules/physical/reclaim.js';
import { onCeLock, onCePvol, onCeRecovered, onCeTick } from '../rules/copy-export/process.js';
import { onSaStep } from '../rules/recovery/recover.js';
import { onDasdDeliver, onDasdSnapshot } from '../dasd/replication.js';
import { onDasdRoll } from '../dasd/image-access.js';
import { onDasdCsClose, onDasdCsFlush } from '../dasd/distributed.js';
import { updateGridStates } from '../rules/grid-states.js';

const HANDLERS: EventHandlers = {
  copy: onCopy,
  premigrated: (state, event) => onPremigrated(state, event, pumpCopies),
  aotm: onAotm,
  reclaim: onReclaim,
  erased: onErased,
  'ce-tick': onCeTick,
  'ce-lock': onCeLock,
  'ce-pvol': onCePvol,
  'ce-recovered': onCeRecovered,
  'sa-step': onSaStep,
  'dasd-deliver': onDasdDeliver,
  'dasd-snapshot': onDasdSnapshot,
  'dasd-roll': onDasdRoll,
  'dasd-cs-close': onDasdCsClose,
  'dasd-cs-flush': onDasdCsFlush,
};

export const EVENT_RULES: EventRules = { handlers: HANDLERS, afterEvent: updateGridStates };
