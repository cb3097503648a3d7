// The wizard's parameter form names each problem beside its field, with the contract's own messages
// (Redbook §11.9.3 VOLSER range, §11.10.1 step 4 categories) and the grid's clusters and hosts.

import { describe, expect, it } from 'vitest';
import { fieldsFor, formFrom, validate, type Params } from './wizard-form';

const defaults: Params = {
  production: ['CL0', 'CL1'],
  drCluster: 'CL2',
  productionHost: 'PRODHOST',
  drHost: 'DRHOST',
  drScratch: ['0031', '0032'],
  drError: '003E',
  drPrivate: '003F',
  drRange: 'TST000-TST999',
  drMc: 'MCDRTEST',
  family: 'DRFAM',
  familyClusters: ['CL2'],
  testWrites: 10,
};
const grid = { clusters: ['CL0', 'CL1', 'CL2'], hosts: ['PRODHOST', 'DRHOST'] };

describe('wizard parameter form', () => {
  it("starts from the grid's defaults and gives the params the host accepts", () => {
    const { params, problems } = validate(formFrom(defaults), 'flash-dr-family', grid);
    expect(problems).toEqual({});
    expect(params).toEqual({ ...defaults, testReads: undefined, returnToScratch: 'suspended' });
  });

  it('names each bad field with its problem, and gives no params', () => {
    const form = { ...formFrom(defaults), drRange: 'TST000', 'drScratch.1': '32', drCluster: 'CL9', drHost: 'NOHOST', testWrites: 'ten' };
    const { params, problems } = validate(form, 'swp-two-cluster', grid);
    expect(params).toBeNull();
    expect(problems).toEqual({
      drRange: 'a VOLSER range such as TST000-TST999',
      'drScratch.1': '4 hex digits',
      drCluster: 'no cluster CL9 in this grid (CL0, CL1, CL2)',
      drHost: 'no host NOHOST in this grid (PRODHOST, DRHOST)',
      testWrites: 'a whole number',
    });
  });

  it('refuses a DR cluster that is also production, and unknown family clusters (FlashCopy test only)', () => {
    const form = { ...formFrom(defaults), drCluster: 'CL1', familyClusters: 'CL2,CL7' };
    expect(validate(form, 'flash-dr-family', grid).problems).toEqual({
      drCluster: 'the DR cluster cannot also be a production cluster',
      familyClusters: 'no cluster CL7 in this grid (CL0, CL1, CL2)',
    });
    // Only the FlashCopy test has a family: the other wizards neither show nor check its fields.
    expect(fieldsFor('two-cluster-links-up').map((f) => f.key)).not.toContain('familyClusters');
    expect(validate(form, 'two-cluster-links-up', grid).problems).toEqual({ drCluster: 'the DR cluster cannot also be a production cluster' });
  });
});
