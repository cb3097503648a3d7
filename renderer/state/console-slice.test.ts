// A console message raised by a command comes back twice — inside the command's record and as an
// engine.messages event, in either order — and the transcript shows it once. Messages nobody's
// record claims (raised for another window) still show.

import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { RunRecordDto } from '../../contract/api';
import { createConsoleSlice } from './console-slice';
import type { Store } from './store';

const message = (id: string, text: string) => ({ time: '2026-01-01T00:00:00Z', id, text });
const cbr3786 = message('CBR3786E', 'VTS operations degraded in library CL1.');
const cbr3785 = message('CBR3785E', 'Copy operations disabled in library CL1.');
const record = (messages: RunRecordDto['messages']): RunRecordDto => ({ line: 1, command: 'FAIL CLUSTER CL0', time: '2026-01-01T00:00:00Z', ok: true, error: null, result: null, messages });

/** The console slice alone, in a store of its own. */
const store = () => create<Store>()((...a) => ({ ...createConsoleSlice(...a) }) as Store);

describe('console transcript', () => {
  it('record first, event after: the message shows once, inside its record', () => {
    const s = store();
    s.getState().addRecords([record([cbr3786, cbr3785])]);
    s.getState().addEventMessages([cbr3786, cbr3785]);
    expect(s.getState().entries.map((e) => e.kind)).toEqual(['record']);
  });

  it('event first, record after: the stand-alone message is taken back into the record', () => {
    const s = store();
    s.getState().addEventMessages([cbr3786]);
    expect(s.getState().entries.map((e) => e.kind)).toEqual(['message']);
    s.getState().addRecords([record([cbr3786])]);
    expect(s.getState().entries.map((e) => e.kind)).toEqual(['record']);
  });

  it('a message no record claims stays in the transcript', () => {
    const s = store();
    s.getState().addRecords([record([cbr3786])]);
    s.getState().addEventMessages([cbr3786, cbr3785]);
    const kinds = s.getState().entries.map((e) => (e.kind === 'message' ? e.message.id : e.kind));
    expect(kinds).toEqual(['record', 'CBR3785E']);
  });

  it('history keeps distinct consecutive lines', () => {
    const s = store();
    ['SHOW GRID', 'SHOW GRID', 'SHOW QUEUE CL1', '  '].forEach((l) => s.getState().remember(l));
    expect(s.getState().history).toEqual(['SHOW GRID', 'SHOW QUEUE CL1']);
  });
});
