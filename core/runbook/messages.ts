// The one message catalog: every console message id the engine raises, its text and its source.
// Texts follow the Redbook's form (seed 004 §11.1, §11.2); TZ ids are TimeZero's own notices.

type Template = (...args: string[]) => string;

export const MESSAGES = {
  // Redbook §11.1: the OAM messages shown until AOTM enables takeover.
  CBR3758E: { source: '004 §11.1', text: (lib) => `Library ${lib} operations degraded.` },
  CBR3785E: { source: '004 §11.1', text: (lib) => `Copy operations disabled in library ${lib}.` },
  CBR3786E: { source: '004 §11.1', text: (lib) => `VTS operations degraded in library ${lib}.` },
  CBR3750I: { source: '004 §11.1', text: (lib, body) => `Message from library ${lib}: ${body}` },
  G0013: {
    source: '004 §11.1',
    text: (lib, peer) =>
      `G0013 Library ${lib} has experienced an unexpected outage with its peer library ${peer}. ` + `Library ${peer} might be unavailable or a communication issue might be present.`,
  },
  G0009: {
    source: '004 §11.1',
    text: (lib, peer) =>
      `G0009 Autonomic ownership takeover manager within library ${lib} has determined that library ${peer} ` + `is unavailable. The Read/Write ownership takeover mode has been enabled.`,
  },
  G0010: {
    source: '004 §11.1',
    text: (lib, peer) =>
      `G0010 Autonomic ownership takeover manager within library ${lib} determined that library ${peer} ` + `is unavailable. The Read-Only ownership takeover mode has been enabled.`,
  },
  CALLHOME: { source: '004 §11.2', text: (lib, reason) => `Call Home invoked by library ${lib}: ${reason}.` },
  // Redbook §11.2.2: host channel errors are reported on a failing host link.
  IOS050I: {
    source: '004 §11.2.2',
    text: (host, lib, left) => `CHANNEL DETECTED ERROR ON HOST ${host} PATH TO ${lib}, ${left} PATH(S) REMAIN.`,
  },
  TZ0100I: { source: 'TimeZero', text: (lib, state) => `Library ${lib} entered grid state: ${state}.` },
  TZ0101I: { source: 'TimeZero', text: (lib, state) => `Library ${lib} left grid state: ${state}.` },
  TZ0200E: {
    source: '004 §11.1',
    text: (volser, lib, reason) => `Job using ${volser} on ${lib} failed: ${reason}.`,
  },
  TZ0300I: {
    source: '004 §11.1',
    text: (peer, lib, mode) => `Ownership takeover mode for ${peer} set on ${lib}: ${mode}.`,
  },
  TZ0400I: { source: '004 §11.1', text: (lib, n) => `Library ${lib} removed ${n} volume(s) from cache.` },
  // Redbook §11.5.4 Table 11-1: the library's Copy Export messages, carried by CBR3750I (§11.6.3 step 6).
  E0000: { source: '004 §11.5.4', text: (volser) => `E0000 EXPORT OPERATION STARTED FOR EXPORT LIST VOLUME ${volser}` },
  E0005: { source: '004 §11.5.4', text: (volser) => `E0005 ALL EXPORT PROCESSING COMPLETED FOR EXPORT LIST VOLUME ${volser}` },
  E0006: { source: '004 §11.5.4', text: (pvol, lib, where) => `E0006 STACKED VOLUME ${pvol} FROM ${lib} IN ${where}` },
  E0013: { source: '004 §11.5.4', text: () => 'E0013 EXPORT PROCESSING SUSPENDED, WAITING FOR SCRATCH VOLUME' },
  E0014: { source: '004 §11.5.4', text: () => 'E0014 EXPORT PROCESSING RESUMED, SCRATCH VOLUME MADE AVAILABLE' },
  E0015: { source: '004 §11.5.4', text: () => 'E0015 EXPORT PROCESSING TERMINATED, WAITING FOR SCRATCH VOLUME' },
  E0016: { source: '004 §11.5.4', text: () => 'E0016 COPYING LOGICAL EXPORT VOLUMES FROM CACHE TO STACKED VOLUMES' },
  E0017: { source: '004 §11.5.4', text: () => 'E0017 COMPLETED COPY OF LOGICAL EXPORT VOLUMES TO STACKED VOLUMES' },
  E0018: { source: '004 §11.5.4', text: () => 'E0018 EXPORT TERMINATED, EXCESSIVE TIME FOR COPY TO STACKED VOLUMES' },
  E0019: { source: '004 §11.5.4', text: (pool) => `E0019 EXPORT PROCESSING STARTED FOR POOL ${pool}` },
  E0020: { source: '004 §11.5.4', text: (pool) => `E0020 EXPORT PROCESSING COMPLETED FOR POOL ${pool}` },
  E0021: { source: '004 §11.5.4', text: (list) => `E0021 DB BACKUP WRITTEN TO STACKED VOLUMES, ${list}` },
  E0022: { source: '004 §11.5.4', text: () => 'E0022 EXPORT RECOVERY STARTED' },
  E0023: { source: '004 §11.5.4', text: () => 'E0023 EXPORT RECOVERY COMPLETED' },
  E0024: { source: '004 §11.5.4', text: (count, lib) => `E0024 ${count} LOGICAL VOLUME WITH INVALID COPY ON ${lib}` },
  E0025: { source: '004 §11.5.4', text: (pvol, volser) => `E0025 PHYSICAL VOLUME ${pvol} NOT EXPORTED, PRIMARY COPY FOR ${volser} UNAVAILABLE` },
  E0026: { source: '004 §11.5.4', text: () => 'E0026 DB BACKUP WRITTEN TO ALL OF STACKED VOLUMES' },
  // Redbook §11.6.5: the host completion messages with the five statistics (and MBytes Moved).
  CBR3855I: {
    source: '004 §11.6.5',
    text: (volser, lib, req, able, done, stacked, mb, moved) =>
      `Export operation for logical list volume ${volser} in library ${lib} completed successfully. ` +
      `Requested: ${req} Exportable: ${able} Exported: ${done} Stacked volumes: ${stacked} MBytes Exported: ${mb} MBytes Moved: ${moved}`,
  },
  CBR3856I: {
    source: '004 §11.6.5',
    text: (volser, lib, req, able, done, stacked, mb, moved) =>
      `Export operation for logical list volume ${volser} in library ${lib} completed with exceptions or errors. ` +
      `Requested: ${req} Exportable: ${able} Exported: ${done} Stacked volumes: ${stacked} MBytes Exported: ${mb} MBytes Moved: ${moved}`,
  },
  // Redbook §11.5.2 tip: the export list volume is valid on more than one cluster.
  CBR3726I: { source: '004 §11.5.2', text: (code, lib, volser) => `FUNCTION INCOMPATIBLE ERROR CODE ${code} FROM LIBRARY ${lib} FOR VOLUME ${volser}.` },
  // Redbook §11.6.2 Examples 11-2 and 11-3: a Library Request and its response.
  CBR1020I: { source: '004 §11.6.2', text: (command) => `PROCESSING LIBRARY COMMAND: ${command}.` },
  CBR1280I: { source: '004 §11.6.2', text: (lib, keyword) => `LIBRARY ${lib} REQUEST. KEYWORDS: ${keyword}` },
  TZ0500I: { source: '004 §11.6.4', text: (volser, lib) => `Export operation for logical list volume ${volser} in library ${lib} canceled by host request.` },
  TZ0501I: { source: '004 §11.5.1', text: (volser, lib, reason) => `Export operation for logical list volume ${volser} in library ${lib} terminated: ${reason}.` },
  TZ0502I: { source: '004 §11.5.3', text: (pvol, lib) => `Reclaimed export-hold stacked volume ${pvol} returned to the common scratch pool of ${lib}.` },
  // Host DASD (spec §9): journal replication (seed 001), copy versions (seed 002), remote copy seeding (seed 003).
  TZ0700W: {
    source: '000 claim 1',
    text: (family, members) =>
      `No member of DR family ${family} can take a FlashCopy snapshot (${members}): time-zero is set, but only live copies unchanged since it (LIVECOPY FAMILY) can serve the DR host.`,
  },
  TZ0601W: { source: '001 FIG. 2', text: (replica, n, time) => `Journal of ${replica} full: ${n} transaction(s) of history released; the earliest reachable point in time is now ${time}.` },
  TZ0602E: { source: '001 Image Access', text: (replica, n) => `Journal of ${replica} full while image access holds distribution: ${n} transaction(s) wait in the delta marking stream.` },
  TZ0603I: { source: '001 Image Access', text: (replica, time) => `Roll to image on ${replica} complete: logged access to the image of ${time}.` },
  TZ0604I: { source: '001 FIG. 5', text: (dasd, n, time) => `Change set ${n} of ${dasd} flushed at both sites: point in time ${time} created.` },
  TZ0610W: { source: '002 [0103]', text: (pool, source, reasons) => `No target volume in target pool ${pool} fits source volume ${source}: ${reasons}.` },
  TZ0611I: { source: '002 [0107]', text: (source, target, pool) => `Copy pair ${source}-${target} broken: ${source} was removed from source pool ${pool}.` },
  TZ0620I: { source: '003 Figure 3', text: (secondary, grains, total) => `Remote copy ${secondary} synchronized: ${grains} of ${total} grain(s) sent.` },
} as const satisfies Record<string, { source: string; text: Template }>;

export type MessageId = keyof typeof MESSAGES;

/** A message's text with its arguments filled in (each template takes the arguments its text names). */
export function messageText(id: MessageId, args: readonly string[]): string {
  const text: Template = MESSAGES[id].text;
  return text(...args);
}
