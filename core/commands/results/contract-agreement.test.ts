// Shapes two owners declare: core's command results (what a runbook and the console show) and the
// contract's views of the same things (what the desktop's panels read). The contract imports nothing
// and core imports nothing outside itself, so neither can reuse the other's schema; this checks that
// what one command answers reads with both, fields of the same name with the same types.

import { describe, expect, it } from 'vitest';
import { exportOverview } from '../../../contract/export-api.js';
import { Session } from '../../session.js';
import { COMMANDS } from '../index.js';

const CONTRACT_POOL = exportOverview.shape.libraries.element.shape.pools.element;

function results(text: string): { name: keyof typeof COMMANDS; result: unknown }[] {
  const session = new Session({ readText: () => '', writeText: () => undefined }, 1);
  const validated = session.validate(text);
  expect(validated.errors).toEqual([]);
  return validated.commands.map((command) => {
    const record = session.run(command);
    expect(record.ok).toBe(true);
    return { name: command.name, result: JSON.parse(JSON.stringify(record.result ?? null)) };
  });
}

describe('core results and the contract agree on shared shapes', () => {
  it('a pool: POOL and SHOW POOL answer what the export overview’s pool reads, an encryption key included', () => {
    const pools = results(
      ['GRID G', 'SITE PROD', 'CLUSTER CL0 SITE PROD MODEL TAPE CACHE 100TB DRIVES 4', 'POOL CL0 8 MEDIA JC COPYEXPORT SCRATCH 5 ENCRYPT KeyProd', 'POOL CL0 9 SCRATCH 2', 'SHOW POOL CL0 8'].join(
        '\n',
      ),
    ).filter((r) => r.name === 'POOL' || r.name === 'SHOW_POOL');
    expect(pools).toHaveLength(3);
    for (const { name, result } of pools) {
      expect(COMMANDS[name].result.safeParse(result).success).toBe(true);
      const read = CONTRACT_POOL.safeParse(result);
      expect(read.error?.issues ?? []).toEqual([]);
    }
    expect(CONTRACT_POOL.parse(pools[0]?.result).encryptKey).toBe('KEYPROD');
    expect(CONTRACT_POOL.parse(pools[2]?.result)).toEqual(CONTRACT_POOL.parse(pools[0]?.result));
  });
});
