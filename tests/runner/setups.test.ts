import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';
import { findSetupsFile, loadSetups, requiredTools } from '../../src/runner/setups.ts';
import { fixtures } from './helpers.ts';

describe('setups file', () => {
  const config = loadSetups(join(projectRoot, 'config/setups.yml'));

  test("declares istio.io's setups and ours", () => {
    expect([...config.setups.keys()]).toEqual([
      'profile=none',
      'cluster-only',
      'profile=default',
      'profile=demo',
      'profile=minimal',
      'profile=ambient',
      'multicluster',
      'dualstack',
    ]);
    expect(config.setups.get('profile=none')).toMatchObject({ cluster: false, timeout: 600_000 });
    expect(config.setups.get('cluster-only')).toMatchObject({ cluster: true, install: [] });
    expect(config.setups.get('multicluster')).toMatchObject({ clusters: 3, ciOnly: true });
    expect(config.setups.get('dualstack')).toMatchObject({ ipFamily: 'dual', ciOnly: true });
    expect(config.defaults.timeout).toBe(30 * 60_000);
  });

  test('the tools each setup needs, per provider', () => {
    const get = (n: string) => config.setups.get(n)!;
    expect(requiredTools(get('profile=none'), config, 'kind')).toEqual([]);
    expect(requiredTools(get('cluster-only'), config, 'kind')).toEqual(['kind', 'kubectl']);
    expect(requiredTools(get('profile=default'), config, 'kind')).toEqual(['kind', 'kubectl', 'istioctl']);
    expect(requiredTools(get('profile=default'), config, 'current')).toEqual(['kubectl', 'istioctl']);
  });

  test("a docs repo's own config/setups.yml wins; otherwise the project's", () => {
    expect(findSetupsFile(join(fixtures, 'own-setups'))).toBe(join(fixtures, 'own-setups/config/setups.yml'));
    expect(findSetupsFile(join(fixtures, 'site'))).toBe(join(projectRoot, 'config/setups.yml'));
  });

  test('errors name the file, the line and the key', () => {
    const file = join(fixtures, 'bad-setups/config/setups.yml');
    expect(() => loadSetups(file)).toThrowError(
      `Invalid setups file:\n${file}:2  setups-schema  defaults.timeout: bad duration 'soon' (e.g. 90s, 5m)\n${file}:5  setups-schema  setups.profile=none.cluster: Expected boolean, received string`,
    );
  });
});
