import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../config/paths.ts';

const sections = 10;

export interface CorpusOptions {
  /** Every n-th page (0, n, 2n…) is `test: yes`, with a `test.sh` calling its snips; 0 (default): none. */
  testEvery?: number;
}

/** The URL path of page `i`: `docs/section-3/page-13`, page i in section i mod 10. */
export const corpusPagePath = (i: number): string => `docs/section-${i % sections}/page-${i}`;

/** The Markdown file of page `i` of the corpus whose content directory is `content`. */
export const corpusPageFile = (content: string, i: number): string => join(content, 'en', corpusPagePath(i), 'index.md');

/**
 * A synthetic docs tree of `pages` pages in 10 sections (each a realistic page: headings, prose, a
 * tabset, bash blocks with output, YAML, a glossary term, a callout, a table, links to the next page
 * and to one of its headings), plus the project's own boilerplates, glossary and data. Returns the
 * content directory (use as MESHDOCS_CONTENT); its parent holds `data/`. Generated snips are not
 * written: `writeTreeSnips` does that where a benchmark wants them.
 */
export function makeCorpus(pages: number, options: CorpusOptions = {}): string {
  const root = mkdtempSync(join(tmpdir(), `meshdocs-corpus-${pages}-`));
  cpSync(join(projectRoot, 'data'), join(root, 'data'), { recursive: true });
  const en = join(root, 'content/en');
  cpSync(join(projectRoot, 'content/en/glossary'), join(en, 'glossary'), { recursive: true });
  cpSync(join(projectRoot, 'content/en/boilerplates'), join(en, 'boilerplates'), { recursive: true });
  writeFileSync(join(en, 'index.md'), `---\ntitle: Corpus\ntemplate: splash\n---\n\nA generated corpus: start with the [first page](/${corpusPagePath(0)}/).\n`);
  mkdirSync(join(en, 'docs'), { recursive: true });
  writeFileSync(join(en, 'docs/_index.md'), '---\ntitle: Docs\ntest: table-of-contents\n---\n\nAll pages.\n');
  for (let s = 0; s < sections; s++) {
    const dir = join(en, 'docs', `section-${s}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '_index.md'), `---\ntitle: Section ${s}\nweight: ${s}\ntest: table-of-contents\n---\n\nSection ${s}.\n`);
  }
  const testEvery = options.testEvery ?? 0;
  for (let i = 0; i < pages; i++) {
    const dir = join(en, corpusPagePath(i));
    mkdirSync(dir, { recursive: true });
    const tested = testEvery > 0 && i % testEvery === 0;
    writeFileSync(join(dir, 'index.md'), pageText(i, pages, tested));
    if (tested) writeFileSync(join(dir, 'test.sh'), testScript(i));
  }
  return join(root, 'content');
}

/** A test of page `i`: its snips (see `pageText`) called and verified, and a cleanup. */
function testScript(i: number): string {
  return `#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

set -e
set -u
set -o pipefail

# @setup profile=none

_verify_like snip_before_you_begin_1 "$snip_before_you_begin_1_out"
snip_configure_the_route_1

# @cleanup
kubectl delete namespace bench-${i} || true
`;
}

function pageText(i: number, pages: number, tested: boolean): string {
  const next = `/${corpusPagePath((i + 1) % pages)}/`;
  return `---
title: Generated page ${i}
description: A generated page for benchmarks.
weight: ${i}
keywords: [bench, topic-${i % 7}]
owner: mesh/wg-docs-maintainers
test: ${tested ? 'yes' : 'no'}
---

This page explains how to configure routing for workload ${i}. The :gloss[Envoy] proxy applies the
configuration that the control plane distributes, so no application change is needed. The
[next page](${next}) continues, and [its checks](${next}#verify) verify it.

## Before you begin

Deploy the sample application in namespace \`bench-${i}\` and check its pods:

\`\`\`bash
$ kubectl create namespace bench-${i}
$ kubectl apply -n bench-${i} -f @samples/bookinfo/platform/kube/bookinfo.yaml@
$ kubectl get pods -n bench-${i}
NAME                              READY   STATUS    RESTARTS   AGE
details-v1-558b8b4b76-2llld       2/2     Running   0          2m
productpage-v1-6987489c74-lpkgl   2/2     Running   0          2m
\`\`\`

## Configure the route

::::tabset{category="config-api"}

:::tab{name="Mesh APIs" value="mesh-apis"}

\`\`\`bash
$ kubectl apply -n bench-${i} -f - <<EOF
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        subset: v${(i % 3) + 1}
EOF
\`\`\`

:::

:::tab{name="Gateway API" value="gateway-api"}

\`\`\`yaml
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: reviews
\`\`\`

:::

::::

:::tip
Check the configuration with \`istioctl analyze\` before you apply it to a production cluster.
:::

## Verify

Send a few requests and look at the distribution of versions, which should match the weights you set
above. The mesh version used here is %%full_version%%.

| Version | Share |
|---|---|
| v1 | 50% |
| v2 | 50% |
`;
}
