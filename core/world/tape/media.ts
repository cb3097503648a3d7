// 3592 media and recording formats: what each cartridge holds in each format, how fast each drive
// generation streams, which drives can read what (Redbook §11.5.1, §11.7.1) and the one-character
// format codes the export status file uses.

import { MB } from '../../sim/time.js';

export const MEDIA = ['JA', 'JB', 'JC', 'JD', 'JJ', 'JK', 'JL'] as const;
export type Media = (typeof MEDIA)[number];
export const FORMATS = ['J1A', 'E05', 'E06', 'E07', 'E08'] as const;
export type Format = (typeof FORMATS)[number];

const GB = 1_000_000_000;
const TB = 1_000 * GB;

/** Native capacity of a cartridge written in a format; absent = the format cannot write that media. */
const CAPACITY: Record<Format, Partial<Record<Media, number>>> = {
  J1A: { JA: 300 * GB, JJ: 60 * GB },
  E05: { JA: 500 * GB, JJ: 100 * GB, JB: 700 * GB },
  E06: { JA: 640 * GB, JJ: 128 * GB, JB: 1 * TB },
  E07: { JB: 1.6 * TB, JC: 4 * TB, JK: 500 * GB },
  E08: { JC: 7 * TB, JD: 10 * TB, JK: 900 * GB, JL: 2 * TB },
};

/**
 * Native streaming rate per drive generation, bytes per millisecond. E07 (TS1140) is the rate the
 * cache's pre-migration uses (core/rules/cache.ts DRIVE_BYTES_PER_MS, 250 MB/s).
 */
export const FORMAT_BYTES_PER_MS: Record<Format, number> = {
  J1A: (40 * MB) / 1000,
  E05: (100 * MB) / 1000,
  E06: (160 * MB) / 1000,
  E07: (250 * MB) / 1000,
  E08: (360 * MB) / 1000,
};

/** Drive type shown by PDRIVE for a drive that writes a format natively (Redbook Example 11-2). */
export const DRIVE_TYPE: Record<Format, string> = { J1A: '3592J1A', E05: '3592E05', E06: '3592E06', E07: '3592E07', E08: '3592E08' };

export const DEFAULT_FORMAT: Format = 'E07';
export const DEFAULT_MEDIA: Media = 'JC';

export function capacityOf(format: Format, media: Media): number | null {
  return CAPACITY[format][media] ?? null;
}

/** The largest media a format writes, for a pool that names a format and no media. */
export function defaultMediaFor(format: Format): Media {
  const capacities = CAPACITY[format];
  let largest: Media = DEFAULT_MEDIA;
  let most = -1;
  for (const media of MEDIA) {
    const bytes = capacities[media];
    if (bytes !== undefined && bytes > most) {
      largest = media;
      most = bytes;
    }
  }
  return largest;
}

/** The newest format that writes a media, for a pool that names a media and no format. */
export function defaultFormatFor(media: Media, drive: Format): Format {
  if (capacityOf(drive, media) !== null) return drive;
  for (const format of [...FORMATS].reverse()) if (capacityOf(format, media) !== null) return format;
  return drive;
}

/**
 * Redbook §11.5.1: "If a source TS7700 writes the volumes using the native E05 format, the recovery
 * TS7700 must also have 3592-E05 drives running in native format mode ... If the source TS7700 writes
 * the volumes in J1A or emulated J1A mode, any 3592 model drive in the recovery TS7700 can read the data."
 */
export function canRead(driveFormats: readonly Format[], written: Format): boolean {
  if (written === 'J1A') return driveFormats.length > 0;
  return driveFormats.includes(written);
}

/** Export status file format code (Copy Export User's Guide physical volume record). */
export function formatCode(format: Format, encrypted: boolean): string {
  const base = { J1A: '4', E05: '5', E06: '7', E07: '9', E08: 'B' }[format];
  if (!encrypted || format === 'J1A') return base;
  return { E05: '6', E06: '8', E07: 'A', E08: 'C' }[format];
}

export function isFormat(text: string): text is Format {
  return FORMATS.some((f) => f === text);
}

export function isMedia(text: string): text is Media {
  return MEDIA.some((m) => m === text);
}
