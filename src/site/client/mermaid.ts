/**
 * Draws the page's mermaid diagrams (`<pre class="mermaid">`, src/site/render/mermaid.ts). The
 * library is large, so it is a separate chunk fetched only when the page has a diagram.
 * `securityLevel: 'strict'` (mermaid's default, stated): labels are text, never HTML or script.
 */
const diagrams = [...document.querySelectorAll<HTMLElement>('pre.mermaid')];
if (diagrams.length > 0) {
  void import('mermaid').then(async ({ default: mermaid }) => {
    const dark = document.documentElement.dataset.theme === 'dark';
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
    await mermaid.run({ nodes: diagrams });
  });
}
