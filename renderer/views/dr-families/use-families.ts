// Fetches the DR families with their readiness (dr.families) whenever the grid changed, and one
// family's readiness through another mount cluster (dr.readiness) on demand.

import type { Response } from '../../../contract/api';
import { useEffect, useState } from 'react';
import { client } from '../../api/client';
import { reportError } from '../../state/actions';
import { useStore } from '../../state/store';
import type { ReadinessView } from '../../../contract/show-api';

/** a family with its readiness, and the DR volume mounts of its last test as its report counts them */
export type FamilyWithReadiness = Response<'dr.families'>[number];

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
      .then((list) => live && setFamilies(list))
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
      .then((r) => live && setVia(r))
      .catch((e) => live && reportError(e, `dr.readiness ${family} on ${cluster}`));
    return () => {
      live = false;
    };
  }, [family, cluster, fallback.mountCluster, revision]);
  return via ?? fallback;
}
