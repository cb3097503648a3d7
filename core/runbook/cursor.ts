// Reads one line's tokens with typed expectations; every failure names its column (spec §2).

import { isVolser, parseVolserRange, type VolserRange } from '../model/volser.js';
import { MAX_DURATION_MS, parseDuration, parseIsoTime, parseSize } from '../sim/time.js';
import type { Token } from './lexer.js';
import { MAX_CACHE_BYTES, MAX_CACHE_TEXT, MAX_RANGE_VOLUMES, MAX_VOLUME_BYTES, MAX_VOLUME_TEXT } from '../model/limits.js';
import { rangeSize } from '../model/volser.js';

/** A line that does not parse or validate: where, and why (spec §2: file:line:col: message). */
export interface LineError {
  line: number;
  col: number;
  message: string;
}

export class ParseError {
  constructor(
    readonly col: number,
    readonly message: string,
  ) {}
}

export interface ClusterRef {
  ref: string;
  col: number;
  /** resolved by the validator */
  index: number;
  /** set by the validator when the name is a stand-alone library (spec §8), not a cluster of the grid */
  standalone?: string;
}

export interface Named {
  name: string;
  col: number;
}

export class Cursor {
  i = 0;
  constructor(
    readonly tokens: Token[],
    readonly lineLength: number,
  ) {}

  get done(): boolean {
    return this.i >= this.tokens.length;
  }

  peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private endCol(): number {
    const last = this.tokens[this.tokens.length - 1];
    return last ? last.col + last.text.length : this.lineLength + 1;
  }

  fail(message: string, token = this.peek()): never {
    throw new ParseError(token ? token.col : this.endCol(), message);
  }

  next(what: string): Token {
    const token = this.peek();
    if (!token) this.fail(`expected ${what}`);
    this.i++;
    return token;
  }

  kw(...words: string[]): string {
    const token = this.peek();
    if (!token || !words.includes(token.upper)) this.fail(`expected ${words.join(' or ')}${token ? `, found '${token.text}'` : ''}`);
    this.i++;
    return token.upper;
  }

  optKw(...words: string[]): string | null {
    const token = this.peek();
    if (token && words.includes(token.upper)) {
      this.i++;
      return token.upper;
    }
    return null;
  }

  name(what: string): Named {
    const token = this.next(what);
    if (!/^[A-Za-z0-9_.$@#-]{1,32}$/.test(token.text)) this.fail(`bad ${what} '${token.text}'`, token);
    return { name: token.upper, col: token.col };
  }

  cluster(): ClusterRef {
    const token = this.next('a cluster (name or index)');
    return { ref: token.upper, col: token.col, index: -1 };
  }

  clusterList(): ClusterRef[] {
    const token = this.next('a list of clusters');
    const refs: ClusterRef[] = [];
    let offset = 0;
    for (const part of token.text.split(',')) {
      if (part.length === 0) this.fail('empty cluster in list', token);
      refs.push({ ref: part.toUpperCase(), col: token.col + offset, index: -1 });
      offset += part.length + 1;
    }
    return refs;
  }

  volser(): Named {
    const token = this.next('a VOLSER');
    if (!isVolser(token.upper)) this.fail(`bad VOLSER '${token.text}': 1-6 characters A-Z 0-9`, token);
    return { name: token.upper, col: token.col };
  }

  range(): VolserRange & { col: number } {
    const token = this.next('a VOLSER range');
    const range = parseVolserRange(token.upper);
    if (typeof range === 'string') this.fail(range, token);
    // Spec §12: ranges at most 4,000,000 volumes (six-character VOLSERs already keep one under 1,000,000;
    // the check keeps the limit in one place should longer names ever be accepted).
    const count = rangeSize(range);
    if (count > MAX_RANGE_VOLUMES) this.fail(`range '${token.text}' names ${count.toLocaleString('en-US')} volumes: at most ${MAX_RANGE_VOLUMES.toLocaleString('en-US')}`, token);
    return { ...range, col: token.col };
  }

  size(): number {
    const token = this.next('a size (800MB, 4GB)');
    const bytes = parseSize(token.upper);
    if (bytes === null || bytes <= 0 || !Number.isFinite(bytes)) this.fail(`bad size '${token.text}': use a number and B, KB, MB, GB, TB or PB`, token);
    return bytes;
  }

  /** A logical volume's size (spec §12: at most 25,000 MB). */
  volumeSize(): number {
    const token = this.tokens[this.i];
    const bytes = this.size();
    if (bytes > MAX_VOLUME_BYTES) this.fail(`size '${token!.text}' is larger than a logical volume can be (at most ${MAX_VOLUME_TEXT})`, token!);
    return bytes;
  }

  /** A cluster's disk cache (spec §12: at most 10 PB). */
  cacheSize(): number {
    const token = this.tokens[this.i];
    const bytes = this.size();
    if (bytes > MAX_CACHE_BYTES) this.fail(`cache '${token!.text}' is larger than a cluster's cache can be (at most ${MAX_CACHE_TEXT})`, token!);
    return bytes;
  }

  duration(): number {
    const token = this.next('a duration (30s, 10m, 2h, 1d)');
    const ms = parseDuration(token.text);
    if (ms === null) this.fail(`bad duration '${token.text}': use a number and s, m, h or d`, token);
    if (ms > MAX_DURATION_MS) this.fail(`duration '${token.text}' is longer than 100 years`, token);
    return ms;
  }

  hex(): number {
    const token = this.next('a category (4 hex digits)');
    if (!/^[0-9A-Fa-f]{4}$/.test(token.text)) this.fail(`bad category '${token.text}': 4 hex digits`, token);
    return parseInt(token.text, 16);
  }

  hexList(): number[] {
    const token = this.next('categories (4 hex digits, comma-separated)');
    const parts = token.text.split(',');
    for (const part of parts) if (!/^[0-9A-Fa-f]{4}$/.test(part)) this.fail(`bad category '${part}': 4 hex digits`, token);
    return parts.map((p) => parseInt(p, 16));
  }

  int(what: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    const token = this.next(what);
    if (!/^\d+$/.test(token.text)) this.fail(`bad ${what} '${token.text}': a whole number`, token);
    const n = Number(token.text);
    if (n < min || n > max) this.fail(`${what} ${n} out of range ${min}-${max}`, token);
    return n;
  }

  number(what: string, min = 0): number {
    const token = this.next(what);
    if (!/^\d+(\.\d+)?$/.test(token.text)) this.fail(`bad ${what} '${token.text}'`, token);
    const n = Number(token.text);
    if (n < min) this.fail(`${what} ${n} below ${min}`, token);
    return n;
  }

  iso(): number {
    const token = this.next('an ISO time (2026-01-01T00:00:00Z)');
    const ms = parseIsoTime(token.text);
    if (ms === null) this.fail(`bad time '${token.text}': use 2026-01-01T00:00:00Z`, token);
    return ms;
  }

  rest(): string {
    const token = this.peek();
    if (!token) return '';
    this.i = this.tokens.length;
    return token.col.toString();
  }

  end(): void {
    const token = this.peek();
    if (token) this.fail(`unexpected '${token.text}'`);
  }
}
