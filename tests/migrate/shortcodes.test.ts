import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';
import { convertHugoMarkdown, type ConvertContext } from '../../src/migrate/convert-page.ts';
import { parsePage } from '../../src/model/parse.ts';

/** One test per shortcode form the importer supports (issue 6, reference §5.2). */

const site = resolve(projectRoot, 'tests/fixtures/migrate/hugo-site');
const ctx: ConvertContext = {
  file: 'page.md',
  siteRoot: site,
  args: { version: '2.4', full_version: '2.4.0', previous_version: '2.3', source_branch_name: 'main', preliminary: false, doc_branch_name: 'main' },
  glossaryTitles: new Set(['ENVOY', 'CONTROL PLANE']),
  boilerplates: new Set(['before-you-begin', 'gateway-api-support']),
};

function convert(body: string, extra: Partial<ConvertContext> = {}) {
  return convertHugoMarkdown(body, { ...ctx, ...extra });
}

/** The converted text, and what our page model reads from it. */
function roundTrip(body: string) {
  const result = convert(body);
  const page = parsePage(`---\ntitle: t\ntest: n/a\n---\n${result.markdown}`, 'docs', 'page.md');
  return { result, page };
}

describe('text blocks', () => {
  test.each([
    { form: 'positional syntax', input: '{{< text bash >}}\n$ ls\n{{< /text >}}', output: '```bash\n$ ls\n```' },
    { form: 'positional syntax and outputis', input: '{{< text bash yaml >}}\n$ ls\na: b\n{{< /text >}}', output: '```bash outputis=yaml\n$ ls\na: b\n```' },
    { form: 'named syntax', input: '{{< text syntax=bash >}}\n$ ls\n{{< /text >}}', output: '```bash\n$ ls\n```' },
    { form: 'quoted named syntax', input: '{{< text syntax="yaml" >}}\na: b\n{{< /text >}}', output: '```yaml\na: b\n```' },
    {
      form: 'named outputis and snip_id',
      input: '{{< text syntax=bash outputis=json snip_id=get_it >}}\n$ get\n{}\n{{< /text >}}',
      output: '```bash snip_id=get_it outputis=json\n$ get\n{}\n```',
    },
    { form: 'snip_id=none', input: '{{< text syntax=bash snip_id=none >}}\n$ ls <pod>\n{{< /text >}}', output: '```bash snip_id=none\n$ ls <pod>\n```' },
    {
      form: 'downloadas',
      input: '{{< text syntax=yaml downloadas="my file.yaml" >}}\na: b\n{{< /text >}}',
      output: '```yaml downloadas="my file.yaml"\na: b\n```',
    },
    {
      form: 'expandlinks and repo',
      input: '{{< text syntax="bash" expandlinks="false" repo="api" >}}\n$ cat @a/b.yaml@\n{{< /text >}}',
      output: '```bash expandlinks=false repo=api\n$ cat @a/b.yaml@\n```',
    },
    { form: 'no space before >}} (quirk Q6)', input: '{{< text plain>}}\nx\n{{< /text >}}', output: '```plain\nx\n```' },
    { form: 'a body holding a fence', input: '{{< text markdown >}}\n```\ncode\n```\n{{< /text >}}', output: '````markdown\n```\ncode\n```\n````' },
    { form: 'version values in the body', input: '{{< text bash >}}\n$ get {{< istio_full_version >}}\n{{< /text >}}', output: '```bash\n$ get %%full_version%%\n```' },
    {
      form: 'github_file in the body',
      input: '{{< text yaml >}}\nuri: "{{< github_file >}}/a.json"\n{{< /text >}}',
      output: '```yaml\nuri: "https://raw.githubusercontent.com/istio/istio/%%source_branch_name%%/a.json"\n```',
    },
    {
      form: 'an escaped shortcode in the body',
      input: '{{< text markdown >}}\n{{</* text bash */>}}\n{{< /text >}}',
      output: '```markdown\n{{< text bash >}}\n```',
    },
  ])('$form', ({ input, output }) => {
    const { result, page } = roundTrip(input);
    expect(result.markdown).toBe(output);
    expect(result.diagnostics).toEqual([]);
    expect(page.codeBlocks).toHaveLength(1);
    expect(page.codeBlocks[0]!.value).toBe(result.fences[0]!.value);
  });

  test('an indented block inside a list item stays in the item, with the body the generator reads', () => {
    const input = ['1.  Run:', '', '    {{< text bash >}}', '    $ cat <<EOF > a.yaml', '    a: b', '      c: d', '    EOF', '    {{< /text >}}', '', '1.  Next'].join('\n');
    const { result, page } = roundTrip(input);
    expect(result.markdown).toBe(['1.  Run:', '', '    ```bash', '    $ cat <<EOF > a.yaml', '    a: b', '      c: d', '    EOF', '    ```', '', '1.  Next'].join('\n'));
    const list = page.tree.children.find((n) => n.type === 'list');
    expect(list && 'children' in list && list.children).toHaveLength(2);
    expect(page.codeBlocks[0]!.value).toBe('$ cat <<EOF > a.yaml\na: b\n  c: d\nEOF');
  });

  test('a body line indented less than the opening line is kept as written (as the generator does)', () => {
    const input = ['*   item', '', '    {{< text yaml >}}', '    a: b', '  c: d', '    {{< /text >}}'].join('\n');
    const { result, page } = roundTrip(input);
    expect(result.fences[0]!.value).toBe('a: b\n  c: d');
    expect(page.codeBlocks[0]!.value).toBe('a: b\n  c: d');
  });

  test('a markdown sample showing a whole escaped text block stays one block', () => {
    const input = '{{< text markdown >}}\n{{</* text bash */>}}\n$ echo "Hello"\n{{</* /text */>}}\n{{< /text >}}\n\nafter';
    const { result, page } = roundTrip(input);
    expect(result.markdown).toBe('```markdown\n{{< text bash >}}\n$ echo "Hello"\n{{< /text >}}\n```\n\nafter');
    expect(page.codeBlocks).toHaveLength(1);
  });

  test('a tab whose attributes span lines becomes one directive line', () => {
    const input = '{{< tabset category-name="c" >}}\n{{< tab\n    name="A"\n    category-value="a"\n    description="Long text."\n>}}\n\nx\n\n{{< /tab >}}\n{{< /tabset >}}';
    expect(convert(input).markdown).toBe('::::tabset{category="c"}\n:::tab{name="A" value="a" description="Long text."}\n\nx\n\n:::\n::::');
  });

  test('an indented block outside any list moves to the margin (else it would be an indented code block)', () => {
    const input = ['Some text:', '', '    {{< text yaml >}}', '    a:', '      b: c', '    {{< /text >}}'].join('\n');
    const { result, page } = roundTrip(input);
    expect(result.markdown).toBe(['Some text:', '', '```yaml', 'a:', '  b: c', '```'].join('\n'));
    expect(page.codeBlocks[0]!.value).toBe('a:\n  b: c');
  });

  test('a block 4+ columns past its list item content moves to the content column', () => {
    const input = ['- item', '', '      {{< text bash >}}', '      $ ls', '      {{< /text >}}'].join('\n');
    const { result, page } = roundTrip(input);
    expect(result.markdown).toBe(['- item', '', '  ```bash', '  $ ls', '  ```'].join('\n'));
    expect(page.codeBlocks[0]!.value).toBe('$ ls');
  });

  test('a list item whose paragraph continues at the margin still holds the block', () => {
    const input = ['1. Inject the client', 'with the proxy.', '', '    {{< text bash >}}', '    $ ls', '    {{< /text >}}', '', '1. Next'].join('\n');
    const { result, page } = roundTrip(input);
    expect(result.markdown).toContain('\n    ```bash\n    $ ls\n    ```\n');
    const list = page.tree.children.find((n) => n.type === 'list');
    expect(list && 'children' in list && list.children).toHaveLength(2);
  });

  test('mermaid becomes a mermaid fence', () => {
    expect(convert('{{< mermaid >}}\ngraph LR\n  a --> b\n{{< /mermaid >}}').markdown).toBe('```mermaid\ngraph LR\n  a --> b\n```');
  });

  test('a text block without syntax is written as plain and reported', () => {
    const result = convert('{{< text >}}\nx\n{{< /text >}}');
    expect(result.markdown).toBe('```plain\nx\n```');
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['text-syntax']);
  });
});

describe('text_import', () => {
  test('file and snippet markers resolve from the site root; the marker gives syntax and outputis', () => {
    const result = convert('{{< text_import file="examples/snippet_example.txt" snippet="GREETING" >}}');
    expect(result.markdown).toBe('```bash outputis=plain\n$ echo hello\nhello\n```');
    expect(result.diagnostics).toEqual([]);
  });

  test('a whole file with an explicit syntax', () => {
    const result = convert('{{< text_import file="examples/snippet_example.txt" syntax="plain" >}}');
    expect(result.markdown.split('\n')[0]).toBe('```plain');
    expect(result.markdown).toContain('# $snippet OTHER');
  });

  test('a missing file or snippet is an error with file:line, and the shortcode stays visible', () => {
    const result = convert('text\n\n{{< text_import file="nope.txt" syntax="plain" >}}');
    expect(result.markdown).toBe('text\n\n`{{< text_import file="nope.txt" syntax="plain" >}}`');
    expect(result.diagnostics).toMatchObject([{ file: 'page.md', line: 3, ruleId: 'text-import-missing', severity: 'error' }]);
    expect(convert('{{< text_import file="examples/snippet_example.txt" snippet="NOPE" >}}').diagnostics[0]!.ruleId).toBe('text-import-missing');
  });

  test('{{< text file= >}} without a body reads the file, and does not swallow the next block', () => {
    const result = convert('{{< text file="examples/snippet_example.txt" snippet="OTHER" syntax="plain" >}}\n\n{{< text bash >}}\n$ ls\n{{< /text >}}');
    expect(result.markdown).toBe('```plain\nnot this one\n```\n\n```bash\n$ ls\n```');
  });

  test('url= becomes a link (the browser fetched it on istio.io)', () => {
    const result = convert('{{< text_import url="https://example.com/a.yaml" syntax="yaml" >}}');
    expect(result.markdown).toBe('[https://example.com/a.yaml](https://example.com/a.yaml)');
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'text-import-url', severity: 'warning' });
  });
});

describe('callouts and tabs', () => {
  test.each(['tip', 'warning', 'idea'])('%s', (name) => {
    const { result, page } = roundTrip(`{{< ${name} >}}\nBe careful.\n{{< /${name} >}}`);
    expect(result.markdown).toBe(`:::${name}\nBe careful.\n:::`);
    expect(page.directives).toMatchObject([{ type: 'containerDirective', name }]);
  });

  test('quote keeps its caption', () => {
    expect(convert('{{< quote caption="A user" >}}\nGreat.\n{{< /quote >}}').markdown).toBe(':::quote{caption="A user"}\nGreat.\n:::');
  });

  test('a closing tag written {{</ idea >}} closes too', () => {
    expect(convert('{{< idea >}}\nx\n{{</ idea >}}').markdown).toBe(':::idea\nx\n:::');
  });

  test('a callout inside a list item keeps its indentation; content indented deeper is dedented (strip_indent)', () => {
    const input = ['1.  Step', '', '    {{< warning >}}', '        Deeper text.', '    {{< /warning >}}'].join('\n');
    const { result, page } = roundTrip(input);
    expect(result.markdown).toBe(['1.  Step', '', '    :::warning', '    Deeper text.', '    :::'].join('\n'));
    expect(page.codeBlocks).toHaveLength(0);
    expect(page.directives[0]).toMatchObject({ name: 'warning' });
  });

  test('a tabset in a list item whose tab content is indented deeper (strip_indent) stays in the item', () => {
    const input = [
      '1.  Set the platform:',
      '',
      '    {{< tabset category-name="install-method" >}}',
      '',
      '    {{< tab name="Helm" category-value="helm" >}}',
      '',
      '        {{< text syntax=bash >}}',
      '        $ helm install cni --set a=b \\',
      '            --wait',
      '        {{< /text >}}',
      '',
      '    {{< /tab >}}',
      '',
      '    {{< /tabset >}}',
      '',
      '1.  Next',
    ].join('\n');
    const { result, page } = roundTrip(input);
    expect(result.markdown).toBe(
      [
        '1.  Set the platform:',
        '',
        '    ::::tabset{category="install-method"}',
        '',
        '    :::tab{name="Helm" value="helm"}',
        '',
        '    ```bash',
        '    $ helm install cni --set a=b \\',
        '        --wait',
        '    ```',
        '',
        '    :::',
        '',
        '    ::::',
        '',
        '1.  Next',
      ].join('\n'),
    );
    expect(page.codeBlocks[0]!.value).toBe('$ helm install cni --set a=b \\\n    --wait');
    expect(page.directives.map((d) => d.name)).toEqual(['tabset', 'tab']);
  });

  test('tabset and tabs; an outer container gets more colons than what it holds', () => {
    const input = [
      '{{< tabset category-name="config-api" >}}',
      '',
      '{{< tab name="Mesh APIs" category-value="mesh-apis" >}}',
      '',
      '{{< tip >}}',
      'Tip in a tab.',
      '{{< /tip >}}',
      '',
      '{{< /tab >}}',
      '',
      '{{< /tabset >}}',
    ].join('\n');
    const { result, page } = roundTrip(input);
    expect(result.markdown).toBe(
      [':::::tabset{category="config-api"}', '', '::::tab{name="Mesh APIs" value="mesh-apis"}', '', ':::tip', 'Tip in a tab.', ':::', '', '::::', '', ':::::'].join('\n'),
    );
    expect(page.directives.map((d) => d.name)).toEqual(['tabset', 'tab', 'tip']);
  });
});

describe('boilerplate, gloss, image', () => {
  test.each([
    { input: '{{< boilerplate before-you-begin >}}' },
    { input: '{{< boilerplate "before-you-begin" >}}' },
    { input: '{{< boilerplate name="before-you-begin" >}}' },
  ])('boilerplate $input', ({ input }) => {
    const result = convert(input);
    expect(result.markdown).toBe('::boilerplate{name="before-you-begin"}');
    expect(result.diagnostics).toEqual([]);
  });

  test('tags written without inner spaces', () => {
    expect(convert('Your {{<gloss envoy>}}proxies{{</gloss>}} run.').markdown).toBe('Your :gloss[proxies]{term="envoy"} run.');
  });

  test('an unknown boilerplate is an error (Hugo fails on it too)', () => {
    expect(convert('{{< boilerplate nope >}}').diagnostics).toMatchObject([{ ruleId: 'unknown-boilerplate', line: 1, severity: 'error' }]);
  });

  test.each([
    { input: '{{< gloss >}}Envoy{{< /gloss >}}', output: ':gloss[Envoy]' },
    { input: '{{< gloss envoy >}}Envoy\'s{{< /gloss >}}', output: ':gloss[Envoy\'s]{term="envoy"}' },
    { input: '{{< gloss "control plane" >}}control planes{{< /gloss >}}', output: ':gloss[control planes]{term="control plane"}' },
  ])('gloss $input', ({ input, output }) => {
    expect(convert(`a ${input} b`).markdown).toBe(`a ${output} b`);
  });

  test('a gloss term the site has no entry for becomes plain text, reported', () => {
    const result = convert('a {{< gloss >}}Unknown thing{{< /gloss >}} b');
    expect(result.markdown).toBe('a Unknown thing b');
    expect(result.diagnostics).toMatchObject([{ ruleId: 'gloss-unknown-term', severity: 'warning' }]);
  });

  test('a multi-line image becomes one ::image line; a value shortcode in the caption is converted', () => {
    const input = ['{{< image width="75%" ratio="40%"', '    link="./a.svg"', '    alt="Alt"', '    caption="In {{< istio_version >}}"', '    >}}'].join('\n');
    const { result, page } = roundTrip(input);
    expect(result.markdown).toBe('::image{src="./a.svg" caption="In %%version%%" alt="Alt" width="75%" ratio="40%"}');
    expect(page.directives[0]).toMatchObject({ name: 'image', attributes: { src: './a.svg', caption: 'In %%version%%' } });
  });

  test('an image without a caption uses its title, and says so', () => {
    const result = convert('{{< image link="a.png" title="T" >}}');
    expect(result.markdown).toBe('::image{src="a.png" caption="T" title="T"}');
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'image-attributes', severity: 'warning' });
  });

  test('an image with neither caption, title nor alt uses its file name', () => {
    expect(convert('{{< image link="./flow.svg" >}}').markdown).toBe('::image{src="./flow.svg" caption="flow.svg"}');
  });

  test('an image whose file is not beside the page is reported', () => {
    const result = convert('{{< image link="./missing.svg" caption="c" >}}', { pageDir: site });
    expect(result.diagnostics).toMatchObject([{ ruleId: 'image-missing', severity: 'warning' }]);
  });

  test('quotes in attribute values become character references', () => {
    expect(convert('{{< image link="a.png" caption="Say &quot;hi&quot;" >}}').markdown).toBe('::image{src="a.png" caption="Say &amp;quot;hi&amp;quot;"}');
    const { page } = roundTrip('{{< image link="a.png" caption=`Say "hi"` >}}');
    expect(page.directives[0]!.attributes.caption).toBe('Say "hi"');
  });
});

describe('value shortcodes', () => {
  test.each([
    { input: '{{< istio_version >}}', output: '%%version%%' },
    { input: '{{< istio_full_version >}}', output: '%%full_version%%' },
    { input: '{{< istio_previous_version >}}', output: '%%previous_version%%' },
    { input: '{{< istio_full_version_revision >}}', output: '%%full_version_revision%%' },
    { input: '{{< istio_previous_version_revision >}}', output: '%%previous_version_revision%%' },
    { input: '{{< k8s_gateway_api_version >}}', output: '%%k8s_gateway_api_version%%' },
    { input: '{{< source_branch_name >}}', output: '%%source_branch_name%%' },
    { input: '{{< doc_branch_name >}}', output: '%%doc_branch_name%%' },
    { input: '{{< istio_release_name >}}', output: '2.4' },
    { input: '{{< istio_release_url >}}', output: 'https://github.com/istio/istio/releases/tag/%%full_version%%' },
    { input: '{{< istio_docker_image "pilot" >}}', output: 'docker.io/istio/pilot:%%version%%.0' },
    { input: '{{< istioctl >}}', output: 'istioctl' },
    { input: '{{< github_file >}}', output: 'https://raw.githubusercontent.com/istio/istio/%%source_branch_name%%' },
    { input: '{{< github_tree >}}', output: 'https://github.com/istio/istio/tree/%%source_branch_name%%' },
    { input: '{{< github_blob >}}', output: 'https://github.com/istio/istio/blob/%%source_branch_name%%' },
    { input: '{{< github_raw >}}', output: 'https://github.com/istio/istio' },
    { input: '{{< warning_icon >}}', output: '⚠️' },
    { input: '{{< idea_icon >}}', output: '💡' },
    { input: '{{< tip_icon >}}', output: '💡' },
    { input: '{{< checkmark_icon >}}', output: '✔️' },
    { input: '{{< cancel_icon >}}', output: '❌' },
  ])('$input → $output', ({ input, output }) => {
    const result = convert(`x ${input} y`);
    expect(result.markdown).toBe(`x ${output} y`);
    expect(result.diagnostics).toEqual([]);
  });

  test('a preliminary site links the release list and uses the rc image', () => {
    const pre = { args: { ...ctx.args, preliminary: true } };
    expect(convert('{{< istio_release_url >}}', pre).markdown).toBe('https://github.com/istio/istio/releases/');
    expect(convert('{{< istio_docker_image "proxyv2" >}}', pre).markdown).toBe('docker.io/istio/proxyv2:%%version%%.0-rc.1');
  });

  test('a link built from github_tree', () => {
    expect(convert('[curl]({{< github_tree >}}/samples/curl)').markdown).toBe('[curl](https://github.com/istio/istio/tree/%%source_branch_name%%/samples/curl)');
  });
});

describe('what is kept as written', () => {
  test('an unsupported shortcode stays visible as inline code and is reported with its line', () => {
    const result = convert('intro\n\nVersions: {{< supported_kubernetes_versions >}}.');
    expect(result.markdown).toBe('intro\n\nVersions: `{{< supported_kubernetes_versions >}}`.');
    expect(result.diagnostics).toMatchObject([{ file: 'page.md', line: 3, ruleId: 'shortcode-unsupported', severity: 'warning' }]);
  });

  test('an unsupported paired shortcode keeps its content, in both delimiter forms', () => {
    const result = convert('{{% join_block %}}\nJoin **us**.\n{{% /join_block %}}\n\n{{< release_box >}}\nA note.\n{{< /release_box >}}');
    expect(result.markdown).toBe('`{{% join_block %}}`\nJoin **us**.\n`{{% /join_block %}}`\n\n`{{< release_box >}}`\nA note.\n`{{< /release_box >}}`');
    expect(result.diagnostics.map((d) => [d.line, d.ruleId])).toEqual([
      [1, 'shortcode-unsupported'],
      [5, 'shortcode-unsupported'],
    ]);
  });

  test('an escaped shortcode in prose becomes its literal text', () => {
    expect(convert('Write `{{</* tip */>}}` and `{{%/* tip */%}}`.').markdown).toBe('Write `{{< tip >}}` and `{{% tip %}}`.');
  });

  test('HTML comments are kept untouched, shortcodes inside included', () => {
    const input = '<!-- {{< text syntax=bash snip_id=install_base >}} -->\nText {{< istio_version >}}';
    expect(convert(input).markdown).toBe('<!-- {{< text syntax=bash snip_id=install_base >}} -->\nText %%version%%');
  });

  test('`<!--` written in inline code does not start a comment', () => {
    expect(convert('Write `<!--` to start a comment. {{< istio_version >}}\n\n<!-- x -->').markdown).toBe(
      'Write `<!--` to start a comment. %%version%%\n\n<!-- x -->',
    );
  });

  test('front matter is passed through byte for byte (test: yes stays the string yes)', () => {
    const input = '---\ntitle: "A {{< istio_version >}}"\ntest: yes\n---\n{{< istio_version >}}\n';
    const result = convert(input);
    expect(result.markdown).toBe('---\ntitle: "A {{< istio_version >}}"\ntest: yes\n---\n%%version%%\n');
    expect(parsePage(result.markdown, 'docs', 'p.md').rawFrontmatter.test).toBe('yes');
  });

  test('a stray closing tag is an error (Hugo refuses it) and stays visible', () => {
    const result = convert('a\n{{< /tip >}}');
    expect(result.markdown).toBe('a\n`{{< /tip >}}`');
    expect(result.diagnostics).toMatchObject([{ line: 2, ruleId: 'unmatched-closing', severity: 'error' }]);
  });

  test('on a tested page, a heading whose section name changes with the conversion is reported', () => {
    const input = '---\ntitle: t\n---\n## Install {{< istioctl >}}\n\n## Before you begin {#before}\n';
    const result = convert(input, { tested: true });
    expect(result.diagnostics).toMatchObject([{ line: 4, ruleId: 'section-name-changed', severity: 'warning' }]);
    expect(result.diagnostics[0]!.message).toContain('"install", ours "install_istioctl"');
    expect(convert(input).diagnostics).toEqual([]);
  });

  test('diagnostic lines count the front matter', () => {
    const result = convert('---\ntitle: t\n---\n\n{{< relnote >}}');
    expect(result.diagnostics[0]!.line).toBe(5);
  });
});

describe('nesting (istio.io composes lists, tabs, callouts and text blocks; cf. its content/en/test pages)', () => {
  // Golden file: UPDATE=1 rewrites expected.md from the converter's output.
  const dir = resolve(projectRoot, 'tests/fixtures/migrate/nesting');
  test('tabs holding lists holding callouts and blocks, callouts holding blocks in lists', () => {
    const result = convert(readFileSync(resolve(dir, 'input.md'), 'utf8'));
    if (process.env.UPDATE) writeFileSync(resolve(dir, 'expected.md'), result.markdown);
    expect(result.markdown).toBe(readFileSync(resolve(dir, 'expected.md'), 'utf8'));
    expect(result.diagnostics).toEqual([]);
    const page = parsePage(result.markdown, 'page', 'expected.md');
    expect(page.diagnostics).toEqual([]);
    expect(page.tree.children.map((n) => n.type)).toEqual(['yaml', 'containerDirective', 'list']);
    const tabset = page.tree.children[1] as { children: { type: string; name?: string }[] };
    expect(tabset.children.map((c) => c.name)).toEqual(['tab', 'tab', 'tab', 'tab', 'tab']);
    expect(page.directives.map((d) => d.name)).toEqual(['tabset', 'tab', 'tab', 'tab', 'warning', 'tab', 'tab', 'warning', 'warning', 'tip']);
    expect(page.codeBlocks.map((b) => b.value)).toEqual(result.fences.map((f) => f.value));
    expect(page.codeBlocks[1]!.value).toBe('$ a:\n    b:\n        - c');
  });
});
