// Runbook slice: the runbook being edited and how far it has run, kept while the operator moves between
// views (and across reloads, as a draft in localStorage). The desktop menu opens files into it.

import type { StateCreator } from 'zustand';
import type { LineErrorDto, RunRecordDto } from '../../contract/api';
import type { Store } from './store';

export interface RunbookSlice {
  runbook: {
    name: string;
    text: string;
    /** index of the next command to run */
    next: number;
    records: RunRecordDto[];
    /** errors runbook.step reported (the text changed under a run) */
    runErrors: LineErrorDto[];
    running: boolean;
  };
  setRunbookText(text: string): void;
  setRunbookName(name: string): void;
  openRunbook(name: string, text: string): void;
  restartRunbook(): void;
  setRunbookRun(patch: Partial<Pick<RunbookSlice['runbook'], 'next' | 'records' | 'runErrors' | 'running'>>): void;
}

const DRAFT_KEY = 'timezero.runbook.draft';
const EXAMPLE = `# A runbook: one command a line; EXPECT checks the previous result.
SHOW GRID
EXPECT result.states = []
`;

function loadDraft(): { name: string; text: string } {
  try {
    const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(DRAFT_KEY);
    if (saved) {
      const d = JSON.parse(saved) as { name?: unknown; text?: unknown };
      if (typeof d.name === 'string' && typeof d.text === 'string') return { name: d.name, text: d.text };
    }
  } catch {
    // A damaged draft is replaced by the example: it is a convenience copy, not the operator's file.
  }
  return { name: 'untitled.runbook', text: EXAMPLE };
}

export function saveDraft(name: string, text: string): void {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ name, text }));
  } catch {
    // Storage full or disabled: the draft simply is not kept across reloads.
  }
}

const fresh = { next: 0, records: [] as RunRecordDto[], runErrors: [] as LineErrorDto[], running: false };

export const createRunbookSlice: StateCreator<Store, [], [], RunbookSlice> = (set) => ({
  runbook: { ...loadDraft(), ...fresh },
  setRunbookText: (text) => set((s) => ({ runbook: { ...s.runbook, text } })),
  setRunbookName: (name) => set((s) => ({ runbook: { ...s.runbook, name } })),
  openRunbook: (name, text) => set({ runbook: { name, text, ...fresh } }),
  restartRunbook: () => set((s) => ({ runbook: { ...s.runbook, ...fresh } })),
  setRunbookRun: (patch) => set((s) => ({ runbook: { ...s.runbook, ...patch } })),
});
