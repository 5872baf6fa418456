#!/usr/bin/env node
// Tiny shim: run the bundled CLI. The CLI sets process.exitCode itself.
import { main } from '../dist/cli.js';

await main(process.argv);
