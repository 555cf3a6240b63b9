// Unit tests run the sources, not dist/: connections/lazyModules requires a bundle next to the test's
// own bundle (its __dirname), and these answer that require with a module the test gives.
import Module from 'node:module';
import { join } from 'node:path';

const served = new Map<string, unknown>();
const loader = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
const load = loader._load;
loader._load = function (request: string, ...rest: unknown[]) {
  return served.has(request) ? served.get(request) : load.call(this, request, ...rest);
};

/** lazyModules' require of `file` (e.g. 'aws.js', 'stacks.js') gets `exports`. */
export function serveBundle(file: string, exports: unknown): void {
  served.set(join(__dirname, file), exports);
}
