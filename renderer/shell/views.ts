// The views of the console, in nav order. Labels are the accessible names the nav links carry.

export const VIEWS = [
  { id: 'topology', label: 'Topology' },
  { id: 'volumes', label: 'Volumes' },
  { id: 'queues', label: 'Copy Queues' },
  { id: 'dr-families', label: 'DR Families' },
  { id: 'copy-export', label: 'Copy Export' },
  { id: 'recovery', label: 'Recovery' },
  { id: 'host-dasd', label: 'Host DASD' },
  { id: 'policies', label: 'Policies' },
  { id: 'workload', label: 'Workload' },
  { id: 'your-grid', label: 'Your Grid' },
  { id: 'runbooks', label: 'Runbooks' },
  { id: 'reports', label: 'Reports' },
  { id: 'console', label: 'Console' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

export function viewFromHash(hash: string): ViewId {
  const id = hash.replace(/^#\/?/, '');
  return VIEWS.find((v) => v.id === id)?.id ?? 'topology';
}
