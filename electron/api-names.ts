// The preload's method names: one per contract channel, dots turned to camelCase
// (`console.execute` → `consoleExecute`), the same rule as renderer/api/names.ts.

import { channels, events, type Channel, type EventName } from '../contract/api.js';

export type MethodName<C extends string> = C extends `${infer Head}.${infer Tail}` ? `${Head}${Capitalize<MethodName<Tail>>}` : C;

export function methodName(channel: string): string {
  return channel.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());
}

export const CHANNELS = Object.keys(channels) as Channel[];
export const EVENT_NAMES = Object.keys(events) as EventName[];
export const METHOD_NAMES = CHANNELS.map(methodName);
