import type { RunReport, TestResult } from '../types.ts';
import { formatStep } from './junit.ts';

const esc = (s: string): string =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * A single self-contained page: a summary, then each test with its steps; a failure links to the
 * page on the site, to the failing block's line in the repository, and to its artifacts.
 */
export function renderHtml(report: RunReport, repo: { url: string; branch: string }): string {
  const n = (s: TestResult['status']) => report.tests.filter((t) => t.status === s).length;
  // Failures first: they are why anyone opens this page.
  const order = { failed: 0, skipped: 1, passed: 2 };
  const tests = [...report.tests].sort((a, b) => order[a.status] - order[b.status] || a.id.localeCompare(b.id));
  const rows = tests.map((t) => {
    const links: string[] = [];
    if (t.page) links.push(`<a href="${esc(t.page.url)}">page</a>`);
    const at = t.failure?.step?.pageLine;
    if (at) links.push(`<a href="${esc(`${repo.url}/blob/${repo.branch}/${at.file}#L${at.line}`)}">${esc(`${at.file}:${at.line}`)}</a>`);
    else if (t.page) links.push(`<a href="${esc(t.page.sourceUrl)}">source</a>`);
    const line = t.failure?.step?.scriptLine;
    links.push(`<a href="${esc(`${repo.url}/blob/${repo.branch}/${t.file}${line ? `#L${line}` : ''}`)}">${esc(t.file)}${line ? `:${line}` : ''}</a>`);
    if (t.artifacts) links.push(`<a href="${esc(t.artifacts)}/">artifacts</a>`);
    const steps = t.steps.map((s) => `<li class="${s.status}">${esc(formatStep(s))}</li>`).join('');
    const failure = t.failure
      ? `<p class="message">${esc(t.failure.message)}</p>${t.failure.detail ? `<pre>${esc(t.failure.detail)}</pre>` : ''}`
      : t.skipReason
        ? `<p>${esc(t.skipReason)}</p>`
        : '';
    return `<section class="test ${t.status}" id="${esc(t.id)}">
<h2><span class="status">${t.status}</span> ${esc(t.id)} <small>${esc(t.setup)} · ${(t.durationMs / 1000).toFixed(1)}s</small></h2>
<p class="links">${links.join(' · ')}</p>${failure}${steps ? `<details${t.failure ? ' open' : ''}><summary>${t.steps.length} step${t.steps.length === 1 ? '' : 's'}</summary><ol>${steps}</ol></details>` : ''}
</section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Doc tests: ${n('failed')} failed, ${n('passed')} passed</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
.test{border-left:4px solid #999;padding:.2rem 1rem;margin:1rem 0}
.test.passed{border-color:#2a7}.test.failed{border-color:#c33}.test.skipped{border-color:#aa3}
h2{font-size:1rem;margin:.3rem 0}.status{text-transform:uppercase;font-size:.8rem}
.message{font-weight:600}pre{background:#f5f5f5;padding:.5rem;overflow:auto;max-height:30rem}
li.failed,li.unfinished{color:#c33;font-weight:600}small{color:#666;font-weight:normal}
</style></head><body>
<h1>Doc tests</h1>
<p>${n('passed')} passed, ${n('failed')} failed, ${n('skipped')} skipped in ${(report.durationMs / 1000).toFixed(1)}s${report.shard ? ` (shard ${report.shard.index}/${report.shard.total})` : ''}${report.interrupted ? ', <strong>interrupted</strong>' : ''}; started ${esc(report.startedAt)}.</p>
${rows.join('\n')}
</body></html>
`;
}
