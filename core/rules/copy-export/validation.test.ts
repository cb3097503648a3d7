// Whole-file validation of the Copy Export lines (spec §2, §8): a bad value is a `line:col` error and
// nothing runs. Redbook §11.5.1: the copy-exported limit "can be adjusted to a maximum of 10,000".

import { describe, expect, it } from 'vitest';
import { Session } from '../../session.js';

const GRID = 'GRID G\nSITE S\nCLUSTER CL0 SITE S MODEL TAPE DRIVES 4 IOSTATION';

function errors(text: string) {
  return new Session(null, 1).validate(`${GRID}\n${text}`).errors.map((e) => `${e.line}:${e.col}: ${e.message}`);
}

describe('Copy Export lines that do not validate', () => {
  it('refuses a copy-exported limit above 10,000 or below 1, with its position', () => {
    expect(errors('SETTING CL0 COPYEXPORTLIMIT 10000')).toEqual([]);
    expect(errors('SETTING CL0 COPYEXPORTLIMIT 10001')[0]).toMatch(/^4:29: .*10000/);
    expect(errors('SETTING CL0 COPYEXPORTLIMIT 0')[0]).toMatch(/^4:29: /);
  });

  it('checks RESTART, pools, export lists and library requests against the grid', () => {
    expect(errors('RESTART CL0')).toEqual([]);
    expect(errors('RESTART CL9')[0]).toMatch(/^4:9: .*CL9/);
    expect(errors('POOL CL0 8 MEDIA QQ')[0]).toMatch(/^4:18: bad media 'QQ'/);
    expect(errors('POOL CL0 8 FORMAT E09')[0]).toMatch(/^4:19: bad format 'E09'/);
    expect(errors('EXPORTLIST EXP000 ON CL0 POOL 0')[0]).toMatch(/^4:31: /);
    expect(errors('LI REQ,CL7,PDRIVE')[0]).toMatch(/unknown library 'CL7'/);
    expect(errors('RECOVER NOLIB FROM LATEST')[0]).toMatch(/unknown stand-alone library 'NOLIB'/);
  });
});
