import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The suite runs a real Chromium and a real redis-server (Debian's packages). Checked once before
 * any test file loads: present, nothing happens; missing on a Debian or Ubuntu machine where we
 * are root, apt-get installs them; otherwise the run stops at once with the one command to run.
 */
const PACKAGES = [
  { name: 'chromium', path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  { name: 'redis-server', path: process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server' },
];

function apt(args: string[]): boolean {
  const run = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return run.status === 0;
}

export default function setup(): void {
  const missing = PACKAGES.filter((p) => !existsSync(p.path)).map((p) => p.name);
  if (missing.length === 0) return;
  const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canInstall) {
    process.stderr.write(`The tests need ${missing.join(' and ')}: installing with ${command}\n`);
    if (
      apt(['update', '-qq']) &&
      apt(['install', '-y', '-qq', '--no-install-recommends', ...missing])
    )
      if (PACKAGES.every((p) => existsSync(p.path))) return;
  }
  throw new Error(
    `The tests need ${missing.join(' and ')} (Debian's packages). Run: sudo ${command} ` +
      '(or point CHROMIUM_PATH / REDIS_SERVER_PATH at binaries installed elsewhere)',
  );
}
