// The preload's method names: one per contract channel, by the rule the renderer's client uses too
// (contract/method-names.ts).

import { channels, events, type Channel, type EventName } from '../contract/api.js';
import { methodName } from '../contract/method-names.js';

export type { MethodName } from '../contract/method-names.js';

export const CHANNELS = Object.keys(channels) as Channel[];
export const EVENT_NAMES = Object.keys(events) as EventName[];
export const METHOD_NAMES = CHANNELS.map(methodName);
