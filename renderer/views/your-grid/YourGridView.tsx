// Your grid: describe a real grid as a grid file, and bring its volumes in from an inventory CSV.

import { useStore } from '../../state/store';
import { GridBuilder } from './GridBuilder';
import { InventoryImport } from './InventoryImport';
import './your-grid.css';

export function YourGridView() {
  const disabled = useStore((s) => s.past !== null || s.connection.state !== 'open');
  return (
    <section className="view your-grid" aria-labelledby="view-title">
      <div className="view-head">
        <h1 id="view-title">Your Grid</h1>
        <span className="small muted">bring your own grid: its topology as a grid file, its volumes from an inventory</span>
      </div>
      <InventoryImport disabled={disabled} />
      <GridBuilder disabled={disabled} />
    </section>
  );
}
