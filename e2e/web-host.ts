// Where the e2e run's engine host is: the bundle e2e/global-setup.ts builds from host/launch.ts.

import { join } from 'node:path';

export const root = join(import.meta.dirname, '..');
export const WEB_HOST_BUNDLE = join(root, 'dist', 'e2e-host', 'web.mjs');
