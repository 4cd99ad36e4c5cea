#!/usr/bin/env node
// The same program as `appclacks`, opening the UI: `appclacks-tui -p work`
// is `appclacks tui -p work`.
import { runMain } from './load.js';

await runMain(['tui', ...process.argv.slice(2)]);
