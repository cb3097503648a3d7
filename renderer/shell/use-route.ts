// Hash routing (`#/volumes`): keeps the page URL's `?token=` intact and works from file:// in Electron.

import { useSyncExternalStore } from 'react';
import { viewFromHash, type ViewId } from './views';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): ViewId {
  return useSyncExternalStore(subscribe, () => viewFromHash(location.hash));
}
