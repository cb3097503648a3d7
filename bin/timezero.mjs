#!/usr/bin/env node
// TimeZero command line: loads the TypeScript sources through tsx so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
