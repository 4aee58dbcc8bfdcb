// Compiles src/ to dist/ and stamps dist/ with a digest of what it was built from, so `npm start`
// can tell a fresh build from a stale one. Plain JavaScript: `npm start` runs it with plain node,
// where tsx (a development dependency) may not be installed.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const entry = join(root, 'dist', 'main.js');
const stampFile = join(root, 'dist', '.source-digest');
const inputs = ['tsconfig.json', 'tsconfig.build.json'];

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(path) : e.name.endsWith('.ts') ? [path] : [];
  });
}

/** A digest of the sources and build settings; null where there are no sources (a packed artifact). */
export function sourceDigest() {
  if (!existsSync(join(root, 'src'))) return null;
  const files = [...sourceFiles(join(root, 'src')), ...inputs.map((f) => join(root, f))].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Why dist/ must be rebuilt before it runs, or null when it is up to date. */
export function staleness() {
  if (!existsSync(entry)) return 'dist/ is missing';
  const digest = sourceDigest();
  if (digest === null) return null;
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  return stamp === digest ? null : 'the sources changed since dist/ was built';
}

/** Rebuilds dist/ from scratch (a deleted source leaves no stale module behind). */
export function build() {
  const digest = sourceDigest();
  let tsc;
  try {
    tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    throw new Error(
      'dist/ needs a build but TypeScript is not installed: run `npm install` (with ' +
        'dev dependencies), then `npm run build`',
    );
  }
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error('the TypeScript build failed (see above)');
  if (digest !== null) writeFileSync(stampFile, `${digest}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    build();
  } catch (e) {
    process.stderr.write(`build: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
