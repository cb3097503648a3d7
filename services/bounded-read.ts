// Reading a file the operator names (a runbook, a grid file, an export set) with a byte cap that
// holds WHILE reading: chunks from a file descriptor, stopping at cap + 1 bytes. A size from stat()
// says nothing about a device (/dev/zero), a FIFO or standard input, and checking after a whole
// read has already filled memory (issue 11 item 7: `timezero run /dev/zero` reached 14 GB).
// Used by the CLI's file port and the desktop's Open dialogs; core reads files only through them.

import { closeSync, constants, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { errorCode } from '../core/error-text.js';

const CHUNK = 64 * 1024;

/** A file over the cap: its `message` is "larger than N MB: refused", for the caller to prefix with the file's name. */
export class FileTooLarge extends Error {
  readonly code = 'EFBIG';
  constructor(readonly maxBytes: number) {
    super(`larger than ${formatCap(maxBytes)}: refused`);
  }
}

function formatCap(bytes: number): string {
  return bytes % 2 ** 20 === 0 ? `${bytes / 2 ** 20} MB` : bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`;
}

/** Collects chunks until end of file or cap + 1 bytes, whichever comes first; memory never exceeds the cap by more than a chunk. */
class Collector {
  private readonly chunks: Buffer[] = [];
  private total = 0;
  constructor(private readonly maxBytes: number) {}
  /** room for the next read: up to one byte past the cap, so "exactly the cap" is told from "more" */
  room(): number {
    return Math.min(CHUNK, this.maxBytes + 1 - this.total);
  }
  add(buffer: Buffer, n: number): void {
    this.chunks.push(Buffer.from(buffer.subarray(0, n)));
    this.total += n;
    if (this.total > this.maxBytes) throw new FileTooLarge(this.maxBytes);
  }
  text(): string {
    return Buffer.concat(this.chunks, this.total).toString('utf8');
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** One read; a descriptor that says "try again" (a non-blocking terminal or pipe) is waited on briefly, not spun on. */
function readOrWait(fd: number, buffer: Buffer, length: number): number {
  for (;;) {
    try {
      return readSync(fd, buffer, 0, length, null);
    } catch (error) {
      if (errorCode(error) !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 10);
    }
  }
}

/**
 * The file's text, read synchronously (the CLI and the engine's file port are synchronous). A FIFO
 * or terminal is read until its end like `cat` would, but never past the cap.
 */
export function readTextBoundedSync(path: string, maxBytes: number): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOCTTY);
  try {
    const collector = new Collector(maxBytes);
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = readOrWait(fd, buffer, collector.room());
      if (n === 0) return collector.text();
      collector.add(buffer, n);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The file's text, read without blocking the event loop (Electron's main process). Only a regular
 * file is read: an Open dialog that names a device, FIFO or socket is refused at once (opened
 * non-blocking, so a FIFO without a writer cannot hang the reader), and the cap still holds while
 * reading for a file that grows under us.
 */
export async function readRegularFileBounded(path: string, maxBytes: number): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOCTTY | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) throw Object.assign(new Error('not a regular file: refused'), { code: 'EFTYPE' });
    const collector = new Collector(maxBytes);
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, collector.room(), null);
      if (bytesRead === 0) return collector.text();
      collector.add(buffer, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
