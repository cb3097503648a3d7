// One volume's cells in the table: the volser (a button that opens its detail), the attribute columns,
// and a copy column per cluster. Memoized on the row object: a page keeps its row objects until it is
// fetched again, so a row that stays in view while the list scrolls is not rendered again.

import { memo } from 'react';
import type { VolumeRow, VolumeSort } from '../../../contract/api';
import { count } from '../../lib/format';

export const COLUMNS: { key: Exclude<VolumeSort['by'], 'volser'>; label: string; cell: (r: VolumeRow) => string }[] = [
  { key: 'category', label: 'Category', cell: (r) => r.category },
  { key: 'mc', label: 'MC', cell: (r) => r.mc ?? '—' },
  { key: 'owner', label: 'Owner', cell: (r) => r.owner ?? '—' },
  { key: 'level', label: 'Level', cell: (r) => String(r.level) },
  { key: 'size', label: 'Size (MB)', cell: (r) => count(r.sizeMB) },
  { key: 'mounted', label: 'Mounted on', cell: (r) => r.mountedOn ?? '' },
];

/** A copy column: the cluster and both of its cell labels, made once per grid rather than per cell. */
export interface CopyColumn {
  name: string;
  consistent: string;
  missing: string;
}

export function copyColumns(clusters: readonly string[]): CopyColumn[] {
  return clusters.map((name) => ({ name, consistent: `consistent on ${name}`, missing: `no consistent copy on ${name}` }));
}

interface Props {
  row: VolumeRow;
  copies: readonly CopyColumn[];
  onSelect: (volser: string) => void;
}

export const RowCells = memo(function RowCells({ row, copies, onSelect }: Props) {
  return (
    <>
      <span role="cell" className="vcell vcell-volser">
        <button type="button" className="linklike mono" onClick={(e) => (e.stopPropagation(), onSelect(row.volser))}>
          {row.volser}
        </button>
      </span>
      {COLUMNS.map((c) => (
        <span key={c.key} role="cell" className={`vcell vcell-${c.key}`}>
          {c.cell(row)}
        </span>
      ))}
      {copies.map((c) => {
        const held = row.consistentOn.includes(c.name);
        return (
          <span key={c.name} role="cell" className="vcell vcell-copy" aria-label={held ? c.consistent : c.missing}>
            {held ? '✓' : '–'}
          </span>
        );
      })}
    </>
  );
});
