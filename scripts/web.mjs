#!/usr/bin/env node
// `npm run web -- [--port <n>] [--seed <n>] [--build]`: the console in a browser. Builds the renderer
// (dist/renderer) when missing, starts the loopback server (host/web-server.ts) and prints
//   TimeZero console: http://127.0.0.1:<n>/?token=<token>
// --port 0 picks a free port; without --port, 5170 (or TZ_PORT), falling back to a free one.

import { register } from 'tsx/esm/api';
import { join } from 'node:path';

register();
const { webMain } = await import('../host/launch.ts');
const code = await webMain(process.argv.slice(2), join(import.meta.dirname, '..'));
if (code !== null) process.exit(code);
