// Test support: a console service holding a grid database in a process of its own (the desktop app or
// web mode as another program would see it). Prints `ready <pid>` once the database is open.

import { createConsoleService } from './console-service.js';
import { sqliteSessionStore } from './sqlite-session-store.js';

const service = createConsoleService({ store: sqliteSessionStore(process.argv[2]!) });
process.stdout.write(`ready ${process.pid}\n`);
process.on('SIGTERM', () => {
  service.close();
  process.exit(0);
});
setInterval(() => undefined, 60_000);
