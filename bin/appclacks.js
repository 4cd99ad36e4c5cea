#!/usr/bin/env node
import { runMain } from './load.js';

await runMain(process.argv.slice(2));
