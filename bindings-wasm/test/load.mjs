// Loads the Node.js build (bindings-wasm/pkg-node) once per test process.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, '..', '..');
export const sifasuo = createRequire(import.meta.url)('../pkg-node/sifasuo_wasm.js');
