// Host DASD over the contract (contract/dasd-api.ts): the overview of every DASD volume, replication
// set, active/active volume, copy-version pool and remote copy, and one replica's journal. Read-only:
// actions are runbook lines through console.execute.

import { Refusal } from '../core/world/refusal.js';
import { replicaOf } from '../core/dasd/image-access.js';
import { dasdOverview, showJournal } from '../core/dasd/show.js';
import type { Session } from '../core/session.js';
import type { Request, Response } from '../contract/api.js';
import { fail } from './errors.js';

export function dasdHandlers(session: Session) {
  return {
    'dasd.overview': (): Response<'dasd.overview'> => dasdOverview(session.engine.state) as Response<'dasd.overview'>,
    'dasd.journal': ({ replica }: Request<'dasd.journal'>): Response<'dasd.journal'> => {
      try {
        return showJournal(replicaOf(session.engine.state, replica)) as Response<'dasd.journal'>;
      } catch (error) {
        if (error instanceof Refusal) fail(error.code, `replica: ${error.message}`);
        throw error;
      }
    },
  };
}
