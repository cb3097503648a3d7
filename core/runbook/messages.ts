// The one message catalog: every console message id the engine raises, its text and its source.
// Texts follow the Redbook's form (seed 004 §11.1, §11.2); TZ ids are TimeZero's own notices.

export interface ConsoleMessage {
  time: string;
  id: string;
  text: string;
}

type Template = (...args: string[]) => string;

export const MESSAGES = {
  // Redbook §11.1: the OAM messages shown until AOTM enables takeover.
  CBR3758E: { source: '004 §11.1', text: ((lib) => `Library ${lib} operations degraded.`) as Template },
  CBR3785E: { source: '004 §11.1', text: ((lib) => `Copy operations disabled in library ${lib}.`) as Template },
  CBR3786E: { source: '004 §11.1', text: ((lib) => `VTS operations degraded in library ${lib}.`) as Template },
  CBR3750I: { source: '004 §11.1', text: ((lib, body) => `Message from library ${lib}: ${body}`) as Template },
  G0013: {
    source: '004 §11.1',
    text: ((lib, peer) =>
      `G0013 Library ${lib} has experienced an unexpected outage with its peer library ${peer}. ` +
      `Library ${peer} might be unavailable or a communication issue might be present.`) as Template,
  },
  G0009: {
    source: '004 §11.1',
    text: ((lib, peer) =>
      `G0009 Autonomic ownership takeover manager within library ${lib} has determined that library ${peer} ` +
      `is unavailable. The Read/Write ownership takeover mode has been enabled.`) as Template,
  },
  G0010: {
    source: '004 §11.1',
    text: ((lib, peer) =>
      `G0010 Autonomic ownership takeover manager within library ${lib} determined that library ${peer} ` +
      `is unavailable. The Read-Only ownership takeover mode has been enabled.`) as Template,
  },
  CALLHOME: { source: '004 §11.2', text: ((lib, reason) => `Call Home invoked by library ${lib}: ${reason}.`) as Template },
  // Redbook §11.2.2: host channel errors are reported on a failing host link.
  IOS050I: {
    source: '004 §11.2.2',
    text: ((host, lib, left) => `CHANNEL DETECTED ERROR ON HOST ${host} PATH TO ${lib}, ${left} PATH(S) REMAIN.`) as Template,
  },
  TZ0100I: { source: 'TimeZero', text: ((lib, state) => `Library ${lib} entered grid state: ${state}.`) as Template },
  TZ0101I: { source: 'TimeZero', text: ((lib, state) => `Library ${lib} left grid state: ${state}.`) as Template },
  TZ0200E: {
    source: '004 §11.1',
    text: ((volser, lib, reason) => `Job using ${volser} on ${lib} failed: ${reason}.`) as Template,
  },
  TZ0300I: {
    source: '004 §11.1',
    text: ((peer, lib, mode) => `Ownership takeover mode for ${peer} set on ${lib}: ${mode}.`) as Template,
  },
  TZ0400I: { source: '004 §11.1', text: ((lib, n) => `Library ${lib} removed ${n} volume(s) from cache.`) as Template },
} as const;

export type MessageId = keyof typeof MESSAGES;
