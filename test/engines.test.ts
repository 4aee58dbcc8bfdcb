import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const read = (file: string) =>
  JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'));

describe('the declared Node range', () => {
  const declared: string = read('package.json').engines.node;
  const lock = read('package-lock.json') as {
    packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
  };

  it('is one every locked package accepts, so no install prints EBADENGINE on it', () => {
    const refusing = Object.entries(lock.packages).flatMap(([path, p]) => {
      const range = Array.isArray(p.engines) ? undefined : p.engines?.node;
      return path && range && !semver.subset(declared, range)
        ? [`${path}@${p.version} wants node ${range}`]
        : [];
    });
    expect(refusing).toEqual([]);
  });

  it('includes the Node running this suite', () => {
    expect(semver.satisfies(process.versions.node, declared), process.versions.node).toBe(true);
  });
});
