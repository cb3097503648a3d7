// Fetches the DR families with their readiness (dr.families) whenever the grid changed, and one
// family's readiness through another mount cluster (dr.readiness) on demand.

import type { Response } from '../../../contract/api';
import { useEffect, useState } from 'react';
import { client } from '../../api/client';
import { read } from '../../api/shapes';
import { reportError } from '../../state/actions';
import { useStore } from '../../state/store';
import { familyView, readinessView, type FamilyView, type ReadinessView } from './shapes';

export interface FamilyWithReadiness {
  family: FamilyView;
  readiness: ReadinessView;
  /** DR volume mounts of the family's last test, counted as its report counts them */
  drMounts?: Response<'dr.families'>[number]['drMounts'];
}

export function useFamilies(): FamilyWithReadiness[] | null {
  const revision = useStore((s) => s.revision);
  const hasGrid = useStore((s) => s.info?.grid != null);
  const [families, setFamilies] = useState<FamilyWithReadiness[] | null>(null);
  useEffect(() => {
    if (!hasGrid) {
      setFamilies([]);
      return;
    }
    let live = true;
    client()
      .call('dr.families', {})
      .then((list) => live && setFamilies(list.map((f) => ({ family: read(familyView, f.family, 'dr.families family'), readiness: read(readinessView, f.readiness, 'dr.families readiness'), drMounts: f.drMounts }))))
      .catch((e) => live && reportError(e, 'dr.families'));
    return () => {
      live = false;
    };
  }, [revision, hasGrid]);
  return families;
}

/** The readiness through `cluster`; null = the family's first member, as dr.families gave it. */
export function useReadinessVia(family: string, cluster: string | null, fallback: ReadinessView): ReadinessView {
  const revision = useStore((s) => s.revision);
  const [via, setVia] = useState<ReadinessView | null>(null);
  useEffect(() => {
    if (cluster === null || cluster === fallback.mountCluster) {
      setVia(null);
      return;
    }
    let live = true;
    client()
      .call('dr.readiness', { family, cluster })
      .then((r) => live && setVia(read(readinessView, r, 'dr.readiness')))
      .catch((e) => live && reportError(e, `dr.readiness ${family} on ${cluster}`));
    return () => {
      live = false;
    };
  }, [family, cluster, fallback.mountCluster, revision]);
  return via ?? fallback;
}
