import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseFenceMeta } from '../../src/model/fence-meta.ts';
import { splitRepoPaths, stripRepoPaths } from '../../src/model/repo-links.ts';
import { sectionOfHeadingLine, splitHeadingId } from '../../src/model/sections.ts';
import { loadVersions, substituteVersions, unknownVersionNames } from '../../src/model/versions.ts';
import { ContentError } from '../../src/model/diagnostic.ts';

describe('section slugs (istio.io snip names)', () => {
  test.each([
    ['## Apply weight-based routing', 'apply_weightbased_routing'],
    ['## Before you begin {#before}', 'before_you_begin'],
    ['### Config: v1.0 & "quotes"!', 'config_v10__quotes'],
    ['### Failover to region1.zone2', 'failover_to_region1zone2'],
    ['# Title', undefined],
    ['## Broken {brace', undefined],
  ])('%s → %s', (line, slug) => expect(sectionOfHeadingLine(line)).toBe(slug));

  test('heading ids', () => {
    expect(splitHeadingId('Before you begin {#before}')).toEqual({ text: 'Before you begin', id: 'before' });
    expect(splitHeadingId('Plain')).toEqual({ text: 'Plain' });
  });
});

describe('@path@ references', () => {
  test.each([
    ['kubectl apply -f @samples/a.yaml@', 'kubectl apply -f samples/a.yaml'],
    ['a @x/y.yaml@ and @z.yaml@', 'a x/y.yaml and z.yaml'],
    ['"iss":"testing@secure.istio.io","sub":"testing@secure.istio.io"', '"iss":"testing@secure.istio.io","sub":"testing@secure.istio.io"'],
  ])('%s', (line, stripped) => expect(stripRepoPaths(line)).toBe(stripped));

  test('split keeps the text around links', () => {
    expect(splitRepoPaths('-f @a.yaml@ -n x')).toEqual([{ text: '-f ' }, { text: 'a.yaml', repoPath: 'a.yaml' }, { text: ' -n x' }]);
  });
});

describe('fence meta', () => {
  test('key=value pairs, quoted values, defaults', () => {
    const m = parseFenceMeta('snip_id=install outputis=yaml downloadas="my file.yaml" expandlinks=false');
    expect(m).toMatchObject({ snipId: 'install', outputis: 'yaml', downloadas: 'my file.yaml', expandlinks: false });
    expect(parseFenceMeta(undefined).expandlinks).toBe(true);
  });
});

describe('version values', () => {
  const values = { version: '1.27', full_version: '1.27.0' };
  test('%%name%% is replaced; Helm and Go templates are left alone', () => {
    expect(substituteVersions('v%%full_version%% of %%version%%', values)).toBe('v1.27.0 of 1.27');
    expect(substituteVersions('{{ .Values.global.tag }} %%unknown%%', values)).toBe('{{ .Values.global.tag }} %%unknown%%');
    expect(unknownVersionNames('%%unknown%% %%version%%', values)).toEqual(['unknown']);
  });

  test('args.yml needs every key; revisions are derived', () => {
    const dir = mkdtempSync(join(tmpdir(), 'meshdocs-args-'));
    writeFileSync(join(dir, 'args.yml'), 'version: "1.2"\nfull_version: "1.2.3"\nprevious_version: "1.1"\nsource_branch_name: main\nk8s_gateway_api_version: v1\n');
    expect(loadVersions(dir)).toMatchObject({ full_version_revision: '1-2-3', previous_version_revision: '1-1' });
    writeFileSync(join(dir, 'args.yml'), 'version: "1.2"\n');
    expect(() => loadVersions(dir)).toThrow(ContentError);
    expect(() => loadVersions(dir)).toThrow(/missing key\(s\): full_version/);
  });
});
