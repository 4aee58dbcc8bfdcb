// `npm start`: builds dist/ when it is missing or stale, then runs the compiled gateway in this
// same process. One process (npm execs it, no shell or wrapper in between) means SIGTERM and
// SIGINT reach the gateway's own graceful shutdown. Plain JavaScript, run with plain node.
import module from 'node:module';
import { pathToFileURL } from 'node:url';
import { build, entry, staleness } from './build.mjs';

// Node 22.1 and later keep V8's compiled code between starts (in the OS temp dir); earlier
// versions have no such cache and start as before.
module.enableCompileCache?.();

const reason = staleness();
if (reason) {
  process.stderr.write(`walletgate: building (${reason})\n`);
  try {
    build();
  } catch (e) {
    process.stderr.write(`walletgate: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
await import(pathToFileURL(entry).href);
