// Builds what every test's engine host serves and runs, once for the whole run:
// - the renderer (vite build → dist/renderer); TZ_E2E_SKIP_BUILD=1 reuses an existing build;
// - the web host bundled into one file (esbuild → dist/e2e-host/web.mjs), always, since it takes a
//   fraction of a second: started with plain Node it is ready in about half the time `scripts/web.mjs`
//   takes to compile the host's TypeScript, and the suite starts some eighty hosts.

import { build } from 'vite';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_HOST_BUNDLE, root } from './web-host';

export default async function globalSetup(): Promise<void> {
  await bundleWebHost();
  if (process.env.TZ_E2E_SKIP_BUILD === '1' && existsSync(join(root, 'dist/renderer/index.html'))) return;
  await build({ configFile: join(root, 'vite.config.ts'), root: join(root, 'renderer'), logLevel: 'warn' });
}

async function bundleWebHost(): Promise<void> {
  const esbuild = await import('esbuild');
  await esbuild.build({
    // what scripts/web.mjs does, without compiling TypeScript at every start
    stdin: {
      contents: `import { webMain } from './host/launch.ts';\nconst code = await webMain(process.argv.slice(2), ${JSON.stringify(root)});\nif (code !== null) process.exit(code);\n`,
      resolveDir: root,
      sourcefile: 'e2e-web-host.ts',
      loader: 'ts',
    },
    outfile: WEB_HOST_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // node_modules are imported from the project at run time, as they are from source
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
