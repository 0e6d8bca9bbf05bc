import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';
import { convertHugoMarkdown, type ConvertContext } from '../../src/migrate/convert-page.ts';
import { htmlAsMarkdownBody } from '../../src/migrate/html-page.ts';
import { emptySiteData, type SiteData } from '../../src/migrate/site-data.ts';
import { parsePage } from '../../src/model/parse.ts';

/**
 * One test per shortcode handler that expands from the site's data or the page's front matter, and
 * the layout blocks (issue 15). The data is made up here; the end-to-end test (hugo-site-cut.test.ts)
 * runs the same handlers on istio.io's own pages.
 */

const site: SiteData = {
  ...emptySiteData,
  supportStatus: [
    { version: 'master', supported: 'No, development only', k8sVersions: ['1.31'] },
    { version: '2.4', supported: 'Yes', releaseDate: 'Jan 1, 2024', eolDate: '~Jan 2025 (Expected)', k8sVersions: ['1.29', '1.30'], testedK8sVersions: ['1.28'] },
    { version: '2.3', supported: 'No', k8sVersions: ['1.28'] },
  ],
  features: [
    { name: 'Routing', link: '/docs/routing/', area: 'Traffic', level: { maturity: 'Stable' } },
    { name: 'A | B', area: 'Traffic', level: { maturity: 'Beta' } },
    { name: 'Old thing', area: 'Traffic', level: { maturity: 'Alpha' }, deprecation: { state: 'deprecated', details: { next: '2.6', replacement: 'New thing' } } },
    { name: 'Metrics', area: 'Observability', level: { maturity: 'Stable' } },
  ],
  companies: {
    providers: [
      { name: 'Acme Mesh', url: 'https://acme.example/mesh', logo: '/logos/acme.svg' },
      { name: 'Beta <Corp>' },
    ],
    training: [
      { name: 'Zeta course', url: 'https://zeta.example/', details: ['Learn the mesh.', 'Then more.'] },
      { name: 'Alpha course', url: 'https://alpha.example/', details: ['Start here.'] },
    ],
  },
  versions: { main: '2.3', preliminary: '2.4' },
  caseStudies: [
    { companyName: 'Acme', logo: '/logos/acme.svg', path: '/about/case-studies/acme/' },
    { companyName: 'NoLogo', path: '/about/case-studies/nologo/' },
  ],
  pageDirs: new Set(['news/releases/2.4.x/announcing-2.4', 'news/releases/2.4.x/announcing-2.4/upgrade-notes', 'news/releases/2.4.x/announcing-2.4/change-notes']),
};

const ctx: ConvertContext = {
  file: 'page.md',
  siteRoot: resolve(projectRoot, 'tests/fixtures/migrate/hugo-site'),
  args: { version: '2.4', full_version: '2.4.0', previous_version: '2.3', source_branch_name: 'main', preliminary: true },
  site,
};

function convert(body: string, extra: Partial<ConvertContext> = {}) {
  return convertHugoMarkdown(body, { ...ctx, ...extra });
}

/** What our page model reads back from the converted Markdown. */
function parsed(markdown: string) {
  return parsePage(`---\ntitle: t\n---\n${markdown}`, 'page', 'page.md');
}

function tableOf(markdown: string): string[][] {
  const page = parsed(markdown);
  const table = page.tree.children.find((n) => n.type === 'table') as { children: { children: { children: { value?: string; children?: unknown[] }[] }[] }[] } | undefined;
  expect(table, 'a GFM table').toBeDefined();
  const text = (node: unknown): string => {
    const n = node as { value?: string; children?: unknown[] };
    return n.value ?? (n.children ?? []).map(text).join('');
  };
  return table!.children.map((row) => row.children.map(text));
}

describe('relnote (from the page front matter)', () => {
  test('a patch release: download, docs and the source changes since the previous patch', () => {
    const result = convert('Intro.\n\n{{< relnote >}}\n\n## Changes', { page: { release: '2.3.2' } });
    expect(result.diagnostics).toEqual([]);
    expect(result.markdown).toBe(
      [
        'Intro.',
        '',
        '- **[Download](https://github.com/istio/istio/releases/tag/2.3.2)**: Download and install this release.',
        '- **[Docs](https://istio.io/latest/docs/)**: Visit the documentation for this release.',
        '- **[Source changes](https://github.com/istio/istio/compare/2.3.1...2.3.2)**: Inspect the full set of source code changes.',
        '',
        '## Changes',
      ].join('\n'),
    );
  });

  test("a minor release links the change and upgrade notes it has, and this site's docs for its own version", () => {
    const result = convert('{{< relnote >}}\n', { page: { release: '2.4.0' }, pagePath: 'news/releases/2.4.x/announcing-2.4' });
    expect(result.markdown).toContain('- **[Docs](/docs/)**');
    expect(result.markdown).toContain('- **[Change notes](change-notes/)**');
    expect(result.markdown).toContain('- **[Before you upgrade](upgrade-notes/)**');
    expect(result.markdown).not.toContain('Helm changes');
    expect(result.markdown).not.toContain('Source changes');
  });

  test('an archived release links its archived docs; a release newer than the site is an error (Hugo refuses it)', () => {
    expect(convert('{{< relnote >}}', { page: { release: '1.9.1' } }).markdown).toContain('[Docs](https://istio.io/v1.9/docs/)');
    expect(convert('{{< relnote >}}', { page: { release: '2.5.0' } }).diagnostics).toMatchObject([{ ruleId: 'relnote-version', severity: 'error', line: 1 }]);
  });

  test('without release: in the front matter it stays visible and is reported', () => {
    const result = convert('{{< relnote >}}', { page: {} });
    expect(result.markdown).toBe('`{{< relnote >}}`');
    expect(result.diagnostics).toMatchObject([{ ruleId: 'shortcode-unsupported', severity: 'warning' }]);
  });
});

describe('security_bulletin (the bulletin layout shows the front matter)', () => {
  const page = { cves: ['CVE-2024-0001', 'CVE-2024-0002'], cvss: '7.5', vector: 'AV:N/AC:L', releases: ['2.3.0 to 2.3.1', '2.4.0'] };

  test('becomes nothing on a bulletin: the layout renders its details from the same front matter', () => {
    const result = convert('{{< security_bulletin >}}\n\n## CVE', { page, pagePath: 'news/security/istio-security-2024-001' });
    expect(result.diagnostics).toEqual([]);
    expect(result.markdown.trim()).toBe('## CVE');
    expect(convert('{{< security_bulletin >}}', { page: { ...page, layout: 'bulletin' }, pagePath: 'blog/2024/x' }).markdown.trim()).toBe('');
  });

  test('on a page the bulletin layout does not render, or without the details, it is reported and kept visible', () => {
    const elsewhere = convert('{{< security_bulletin >}}', { page, pagePath: 'blog/2024/x' });
    expect(elsewhere.markdown).toBe('`{{< security_bulletin >}}`');
    expect(elsewhere.diagnostics).toMatchObject([{ ruleId: 'shortcode-unsupported', severity: 'warning', message: expect.stringContaining('bulletin layout') }]);
    const bare = convert('{{< security_bulletin >}}', { page: {}, pagePath: 'news/security/x' });
    expect(bare.diagnostics).toMatchObject([{ ruleId: 'shortcode-unsupported', message: expect.stringContaining('cves:') }]);
  });
});

describe('data/compatibility', () => {
  test("supported_kubernetes_versions is the site release's Kubernetes versions, inline", () => {
    expect(convert('Kubernetes ({{< supported_kubernetes_versions >}}).').markdown).toBe('Kubernetes (1.29, 1.30).');
    // A site whose release is not in the table yet: the newest release after master.
    expect(convert('{{< supported_kubernetes_versions >}}', { args: { ...ctx.args, version: '2.5' } }).markdown).toBe('1.29, 1.30');
  });

  test('support_status_table is the whole table', () => {
    const rows = tableOf(convert('{{< support_status_table >}}').markdown);
    expect(rows[0]).toEqual(['Version', 'Currently Supported', 'Release Date', 'End of Life', 'Supported Kubernetes Versions', 'Tested, but not supported']);
    expect(rows[2]).toEqual(['2.4', 'Yes', 'Jan 1, 2024', '~Jan 2025 (Expected)', '1.29, 1.30', '1.28']);
    expect(rows).toHaveLength(4);
  });

  test('without the data file both stay visible and are reported', () => {
    const result = convert('{{< support_status_table >}}', { site: emptySiteData });
    expect(result.markdown).toBe('`{{< support_status_table >}}`');
    expect(result.diagnostics[0]!.message).toContain('supportStatus.yml');
  });
});

describe('features (data/features.yaml)', () => {
  test("one area's features and their phase; links kept, deprecation spelled out", () => {
    const rows = tableOf(convert('{{< features section="Traffic" >}}').markdown);
    expect(rows).toEqual([
      ['Feature', 'Phase'],
      ['Routing', 'Stable'],
      ['A | B', 'Beta'],
      ['Old thing', 'Deprecated with removal planned for 2.6. Replaced by New thing. Was Alpha.'],
    ]);
    expect(convert('{{< features section="Traffic" >}}').markdown).toContain('| [Routing](/docs/routing/) | Stable |');
  });

  test('an area with no features is reported', () => {
    expect(convert('{{< features section="Nope" >}}').diagnostics).toMatchObject([{ ruleId: 'shortcode-unsupported' }]);
  });
});

describe('data/companies.yml', () => {
  test('companies: a list of the companies, linked', () => {
    expect(convert('{{< companies items="providers">}}').markdown).toBe('- [Acme Mesh](https://acme.example/mesh)\n- Beta \\<Corp\\>');
  });

  test('interactive_panels: sorted by name, each with the details istio.io shows in its dialog; the dialog itself writes nothing', () => {
    const result = convert('{{< interactive_panels items="training" >}}\n\n{{< interactive_panel_modal >}}\n');
    expect(result.markdown).toBe(
      '- **[Alpha course](https://alpha.example/)**\n\n  Start here.\n- **[Zeta course](https://zeta.example/)**\n\n  Learn the mesh.\n\n  Then more.\n\n\n',
    );
    expect(result.diagnostics).toEqual([]);
    expect(convert('{{< interactive_panels items="nope" >}}').diagnostics).toMatchObject([{ ruleId: 'shortcode-unsupported' }]);
  });

  test('logo_carousel: the case studies with a logo, in HTML (it sits in the landing page)', () => {
    expect(convert('<div>\n{{< logo_carousel >}}\n</div>').markdown).toBe(
      '<div>\n<ul class="case-studies logo-carousel"><li><a href="/about/case-studies/acme/"><img src="/logos/acme.svg" alt="Acme" title="Acme"/></a></li></ul>\n</div>',
    );
  });
});

describe('layout blocks', () => {
  test('centered_block: its content', () => {
    const result = convert('Before.\n{{< centered_block >}}\n\n## Title\n\nText.\n\n{{< /centered_block >}}\nAfter.');
    expect(result.markdown).toBe('Before.\n\n## Title\n\nText.\n\nAfter.');
  });

  test('feature_block: an h2 heading, the content and a "Learn more" link', () => {
    const result = convert('{{< feature_block header="Secure" image="security.svg" url="/docs/security/" >}}\nSafe **by default**.\n{{< /feature_block>}}\n');
    expect(result.markdown).toBe('## Secure\n\nSafe **by default**.\n\n[Learn more](/docs/security/)\n');
    expect(parsed(result.markdown).headings).toMatchObject([{ depth: 2, text: 'Secure' }]);
  });

  test('involve_block ({{% %}} form): an h3 heading, the subtitle in italics, the content', () => {
    const result = convert('{{% involve_block title="Ask" subtitle="Reach out." icon="user" %}}\n1. Ask on **Slack**.\n{{% /involve_block %}}');
    expect(result.markdown).toBe('### Ask\n\n*Reach out.*\n\n1. Ask on **Slack**.');
  });

  test('figure (Hugo built-in): an ::image whose caption is the title Hugo shows', () => {
    const result = convert('{{< figure src="/img/mesh.svg" alt="Mesh" title="A &quot;mesh&quot;" >}}');
    expect(result.markdown).toBe('::image{src="/img/mesh.svg" caption="A &amp;quot;mesh&amp;quot;" alt="Mesh"}');
    expect(parsed(result.markdown).directives).toMatchObject([{ name: 'image', attributes: { src: '/img/mesh.svg', alt: 'Mesh' } }]);
  });

  test('content_panel: a linked panel with its i18n title and button as English text, escaped', () => {
    const result = convert('{{< content_panel type="dark" title="latest_news" text="Fast & <simple>." button="read_more" url="/blog/" >}}');
    expect(result.markdown).toBe(
      '<a href="/blog/" class="panel panel--dark"><div class="panel-body"><h5 class="panel-title">Latest news</h5><p class="panel-text">Fast &amp; &lt;simple&gt;.</p><span class="btn panel-btn">Read more</span></div></a>',
    );
  });

  test('company_logo: the logo, linking to the company', () => {
    expect(convert('{{< company_logo link="https://acme.example/" logo="./logos/acme.svg" alt="Acme" >}}').markdown).toBe(
      '<a class="company-logo" href="https://acme.example/"><img src="./logos/acme.svg" alt="Acme" title="Acme"/></a>',
    );
  });

  test('change_log: a link to the history (the import has no Git history), reported', () => {
    const result = convert('Recent changes:\n\n{{< change_log >}}\n');
    expect(result.markdown).toContain('[history of the site repository](https://github.com/istio/istio.io/commits/master/content/en)');
    expect(result.diagnostics).toMatchObject([{ ruleId: 'shortcode-static', severity: 'warning', line: 3 }]);
  });

  test('a block shortcode inside a list item stays in the item', () => {
    const input = '1. Check:\n\n    {{< support_status_table >}}\n\n1. Next';
    const page = parsed(convert(input).markdown);
    const list = page.tree.children.find((n) => n.type === 'list') as { children: { children: { type: string }[] }[] };
    expect(list.children).toHaveLength(2);
    expect(list.children[0]!.children.map((c) => c.type)).toEqual(['paragraph', 'table']);
  });
});

describe('text blocks Hugo reads differently from the generator', () => {
  test('a bash block whose body is indented past its tag: Hugo strips the indent, so the block has its $ command', () => {
    const result = convert('{{< text bash >}}\n    $ kubectl get pods\n    pod-1   2/2\n{{< /text >}}');
    expect(result.markdown).toBe('```bash\n$ kubectl get pods\npod-1   2/2\n```');
    const page = parsed(result.markdown);
    expect(page.diagnostics).toEqual([]);
    expect(page.codeBlocks[0]!.bash).toMatchObject({ noCommand: false });
  });

  test('syntax="bash yaml" is bash with yaml output', () => {
    expect(convert('{{< text syntax="bash yaml" snip_id=x >}}\n$ cat a\na: b\n{{< /text >}}').markdown).toBe('```bash snip_id=x outputis=yaml\n$ cat a\na: b\n```');
  });
});

describe('HTML pages', () => {
  test('the body becomes one HTML block: no blank line ends it, <pre> keeps its lines and indentation', () => {
    const html = '<p>Intro\ntext.</p>\n\n    <h2 id="x">X</h2>\n<pre><code class="language-yaml">a:\n\n    b: c\n</code></pre>\n\n<p>After *not emphasis*.</p>\n';
    const body = htmlAsMarkdownBody(html);
    expect(body).toBe('<p>Intro\ntext.</p>\n<h2 id="x">X</h2>\n<pre><code class="language-yaml">a:\n<!---->\n    b: c\n</code></pre>\n<p>After *not emphasis*.</p>\n');
    const page = parsed(body);
    expect(page.tree.children.filter((n) => n.type !== 'yaml').map((n) => n.type)).toEqual(['html']);
    expect(page.codeBlocks).toEqual([]);
  });

  test("the generator's section headings become Markdown headings with their ids; the HTML around them stays HTML", () => {
    const html = '<p>Intro.</p>\n<h2 id="VirtualService">VirtualService</h2>\n<section>\n<p>Fields *kept*.</p>\n</section>\n<h3 id="Headers-HeaderOperations">HeaderOperations</h3>\n<pre><code>\n<h2 id="InPre">Not a heading</h2>\n</code></pre>\n<h4 id="Env">Env vars</h4>\nText that a blank line would make Markdown.\n<h2 id="Code"><code>X</code></h2>\n<table><tr><td>a</td></tr></table>\n';
    const body = htmlAsMarkdownBody(html);
    expect(body).toBe(
      '<p>Intro.</p>\n\n## VirtualService {#VirtualService}\n\n<section>\n<p>Fields *kept*.</p>\n</section>\n\n### HeaderOperations {#Headers-HeaderOperations}\n\n<pre><code>\n<h2 id="InPre">Not a heading</h2>\n</code></pre>\n<h4 id="Env">Env vars</h4>\nText that a blank line would make Markdown.\n<h2 id="Code"><code>X</code></h2>\n<table><tr><td>a</td></tr></table>\n',
    );
    const page = parsed(body);
    expect(page.diagnostics).toEqual([]);
    // (The <pre> is an HTML block of its own, ending at </pre>, as before.)
    expect(page.tree.children.filter((n) => n.type !== 'yaml').map((n) => n.type)).toEqual(['html', 'heading', 'html', 'heading', 'html', 'html']);
    expect(page.tree.children.filter((n) => n.type === 'html').map((n) => (n as { value: string }).value).join('\n')).not.toContain('VirtualService');
  });
});
