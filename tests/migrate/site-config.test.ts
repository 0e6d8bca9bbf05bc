import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { literalShortcodesAsCode } from '../../src/migrate/literal-shortcodes.ts';
import { readHugoSiteConfig, siteConfigYaml } from '../../src/migrate/site-config.ts';
import { tempDir } from './helpers.ts';

function siteWith(file: string, text: string): string {
  const root = tempDir('hugo-config');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, file), text);
  return root;
}

describe("the header's title and navigation from the Hugo configuration", () => {
  const toml = [
    'title = "Mesh"',
    '[[menu.main]]',
    '  identifier = "docs"',
    '  name = "Docs"',
    '  url = "/docs"',
    '  weight = 2',
    '[[menu.main]]',
    '  identifier = "about"',
    '  name = "About"',
    '  weight = 1',
    '[[menu.main]]',
    '  name = "FAQ"',
    '  url = "/about/faq#top"',
    '  parent = "about"',
    '  weight = 2',
    '[[menu.main]]',
    '  name = "Team"',
    '  pageRef = "about/team"',
    '  parent = "about"',
    '  weight = 1',
    '[[menu.main]]',
    '  name = "Blog"',
    '  url = "https://blog.example.com/"',
    '[[languages.fr.menu.main]]',
    '  name = "Docs FR"',
    '  url = "/fr/docs/"',
    '[languages.fr]',
    '  title = "Maille"',
  ].join('\n');

  test('parents get their children, each level by weight (none last), links as our page addresses', () => {
    const { config, diagnostics } = readHugoSiteConfig(siteWith('hugo.toml', toml), 'en', () => false);
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({
      title: 'Mesh',
      nav: [
        { label: 'About', link: '/about/team/', children: [{ label: 'Team', link: '/about/team/' }, { label: 'FAQ', link: '/about/faq/#top' }] },
        { label: 'Docs', link: '/docs/' },
        { label: 'Blog', link: 'https://blog.example.com/' },
      ],
    });
    expect(parseYaml(siteConfigYaml(config!))).toEqual(config);
  });

  test("a parent without a url links to its section's page when the site has one", () => {
    const { config } = readHugoSiteConfig(siteWith('hugo.toml', toml), 'en', (path) => path === '/about/');
    expect(config?.nav[0]?.link).toBe('/about/');
  });

  test("a language's own title and menu replace the site's", () => {
    const { config } = readHugoSiteConfig(siteWith('hugo.toml', toml), 'fr', () => false);
    expect(config).toEqual({ title: 'Maille', nav: [{ label: 'Docs FR', link: '/fr/docs/' }] });
  });

  test('hugo.yaml is read too; no configuration file gives no config; a malformed one is reported with its line', () => {
    expect(readHugoSiteConfig(siteWith('hugo.yaml', 'title: Y\nmenu:\n  main:\n    - name: A\n      url: /a/\n'), 'en', () => false).config).toEqual({
      title: 'Y',
      nav: [{ label: 'A', link: '/a/' }],
    });
    expect(readHugoSiteConfig(tempDir('no-config'), 'en', () => false)).toEqual({ diagnostics: [] });
    const bad = readHugoSiteConfig(siteWith('hugo.toml', 'title = "x"\n[menu\n'), 'en', () => false, () => 'hugo.toml');
    expect(bad.config).toBeUndefined();
    expect(bad.diagnostics.map((d) => [d.file, d.line, d.ruleId])).toEqual([['hugo.toml', 2, 'hugo-config']]);
  });
});

describe('escaped shortcodes shown in prose', () => {
  test('become inline code in text; code blocks, inline code and link targets are left as they are', () => {
    const page = [
      '- **{{< github_file >}}** links to a file, {{% x %}} too.',
      '',
      '```markdown',
      '[a]({{< github_file >}}/a.yaml)',
      '```',
      '',
      'Write `{{< tip >}}` or [this]({{<github_tree>}}/b).',
    ].join('\n');
    expect(literalShortcodesAsCode(page).split('\n')).toEqual([
      '- **`{{< github_file >}}`** links to a file, `{{% x %}}` too.',
      '',
      '```markdown',
      '[a]({{< github_file >}}/a.yaml)',
      '```',
      '',
      'Write `{{< tip >}}` or [this]({{<github_tree>}}/b).',
    ]);
  });
});
