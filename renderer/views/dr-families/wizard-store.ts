// The DR-test wizard as the renderer holds it: the five wizards (wizard.list), the run in progress
// (wizard.state, kept by the engine host so a paused test is still there after a reload or restart),
// and module-level actions for start / step / pause / resume / abandon. wizard.changed keeps every
// window on the same run; after the grid changes the state is refetched, since the next step's
// checks look at the grid.

import { create } from 'zustand';
import type { Request, Response, WizardStateDto } from '../../../contract/api';
import { client, ClientError } from '../../api/client';
import { reportError, scheduleRefresh, tracked } from '../../state/actions';

export type WizardInfo = Response<'wizard.list'>[number];

interface WizardStore {
  wizards: WizardInfo[] | null;
  state: WizardStateDto | null;
  /** a wizard call in flight: its buttons wait */
  busy: boolean;
  /** the host refused to start: its message, with the field path when it named one */
  startError: { field: string | null; message: string } | null;
}

export const useWizard = create<WizardStore>()(() => ({ wizards: null, state: null, busy: false, startError: null }));

const set = useWizard.setState;
let wired = false;

/** Loads the wizards and the run once, and follows wizard.changed from then on. */
export function wireWizard(): void {
  if (wired) return;
  wired = true;
  client().on('wizard.changed', (state) => set({ state }));
  void loadWizards();
  void refreshWizard();
}

export async function loadWizards(): Promise<void> {
  try {
    set({ wizards: await client().call('wizard.list', {}) });
  } catch (error) {
    reportError(error, 'wizard.list');
  }
}

export async function refreshWizard(): Promise<void> {
  try {
    set({ state: await client().call('wizard.state', {}) });
  } catch (error) {
    reportError(error, 'wizard.state');
  }
}

async function act(label: string, work: () => Promise<WizardStateDto>): Promise<WizardStateDto | null> {
  set({ busy: true });
  try {
    const state = await tracked(work);
    set({ state });
    return state;
  } catch (error) {
    reportError(error, label);
    return null;
  } finally {
    set({ busy: false });
  }
}

/** `wizard.start request params.drRange: …` → the field `drRange` (or `drScratch.0`) and the message. */
export function fieldOfError(message: string): { field: string | null; message: string } {
  const m = /params\.([\w.[\]]+): (.*)$/.exec(message);
  if (!m) return { field: null, message };
  return { field: m[1]!.replace(/\[(\d+)\]/g, '.$1'), message: m[2]! };
}

export async function startWizard(wizardId: string, params: Request<'wizard.start'>['params']): Promise<boolean> {
  set({ busy: true, startError: null });
  try {
    const state = await tracked(() => client().call('wizard.start', { wizardId, params }));
    set({ state });
    return true;
  } catch (error) {
    const e = error instanceof ClientError ? error : new ClientError('RENDERER_ERROR', String(error));
    set({ startError: fieldOfError(e.message) });
    if (!/params\./.test(e.message)) reportError(e, `starting ${wizardId}`);
    return false;
  } finally {
    set({ busy: false });
  }
}

export async function stepWizard(acknowledge: boolean): Promise<void> {
  const state = await act('wizard.step', () => client().call('wizard.step', { acknowledge }));
  // Grid steps changed the grid: the views (and this step's successor's checks) refetch.
  if (state) void scheduleRefresh();
}

export const pauseWizard = () => act('wizard.pause', () => client().call('wizard.pause', {}));
export const resumeWizard = () => act('wizard.resume', () => client().call('wizard.resume', {}));
export const abandonWizard = () => act('wizard.abandon', () => client().call('wizard.abandon', {}));
