// A command's record as the contract carries it (contract/api.ts `record`): the engine's answer must be
// JSON, checked here so a value that is not (a typed array, Infinity) is an error naming the command,
// never a record the console shows half of.

import { isJson, type Json, type RunRecordDto } from '../contract/api.js';
import type { RunRecord } from '../core/session.js';
import { ERROR_CODES, fail } from './errors.js';

export function jsonResult(result: unknown, command: string): Json {
  if (result === undefined) return null;
  if (!isJson(result)) fail(ERROR_CODES.BAD_RESPONSE, `result of ${command.split('\n')[0]}: not JSON`);
  return result;
}

export function runRecordDto(r: RunRecord): RunRecordDto {
  return { line: r.line, command: r.command, time: r.time, ok: r.ok, error: r.error, result: jsonResult(r.result, r.command), messages: r.messages };
}
