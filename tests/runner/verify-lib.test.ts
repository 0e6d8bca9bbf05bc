import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bashWithLib, libDir, tempDir } from './helpers.ts';

/** `out` is what the command prints (via printf %s), `exp` the expected text. */
interface Case {
  fn: string;
  out: string;
  exp: string;
  pass: boolean;
  env?: Record<string, string>;
}

const cases: (Case & { title: string })[] = [
  { title: 'same: equal', fn: '_verify_same', out: 'a\nb', exp: 'a\nb', pass: true },
  { title: 'same: trailing spaces of the output are trimmed', fn: '_verify_same', out: 'a   \nb\t', exp: 'a\nb', pass: true },
  { title: 'same: expected is not trimmed', fn: '_verify_same', out: 'a', exp: 'a ', pass: false },
  { title: 'same: CR removed from output', fn: '_verify_same', out: 'a\r\nb', exp: 'a\nb', pass: true },
  { title: 'same: different', fn: '_verify_same', out: 'a', exp: 'b', pass: false },
  { title: 'contains: substring', fn: '_verify_contains', out: 'hello world', exp: 'lo wo', pass: true },
  { title: 'contains: missing', fn: '_verify_contains', out: 'hello', exp: 'bye', pass: false },
  { title: 'not_contains: absent', fn: '_verify_not_contains', out: 'hello', exp: 'bye', pass: true },
  { title: 'not_contains: present', fn: '_verify_not_contains', out: 'hello bye', exp: 'bye', pass: false },
  { title: 'elided: segments', fn: '_verify_elided', out: 'a\nb\nc\nd\ne', exp: 'a\nb\n...\nd', pass: true },
  { title: 'elided: order not enforced', fn: '_verify_elided', out: 'a\nb\nc\nd\ne', exp: 'd\n...\nb', pass: true },
  { title: 'elided: segment is a substring', fn: '_verify_elided', out: 'xa\nb', exp: 'a\nb', pass: true },
  { title: 'elided: indented ellipsis', fn: '_verify_elided', out: 'a\nz', exp: 'a\n   ...  \nz', pass: true },
  { title: 'elided: missing segment', fn: '_verify_elided', out: 'a\nb', exp: 'a\n...\nq', pass: false },
  { title: 'regex: matches', fn: '_verify_regex', out: 'pod-abc 1/1 Running', exp: '[0-9]/[0-9] Run', pass: true },
  { title: 'regex: no match', fn: '_verify_regex', out: 'pod-abc 0/1 Pending', exp: '^.*Running$', pass: false },
  { title: 'first_line: equal first lines', fn: '_verify_first_line', out: 'NAME READY\nx 1/1', exp: 'NAME READY\ny 2/2', pass: true },
  { title: 'first_line: split at CR too', fn: '_verify_first_line', out: 'NAME\rrest', exp: 'NAME', pass: true },
  { title: 'first_line: different', fn: '_verify_first_line', out: 'NAME X\nx', exp: 'NAME Y', pass: false },
  {
    title: 'like: generated names, durations, widths',
    fn: '_verify_like',
    out: 'NAME READY STATUS RESTARTS AGE\nreviews-v1-545db77b95-abcde   2/2     Running   0          12s',
    exp: 'NAME READY STATUS RESTARTS AGE\nreviews-v2-xxxxxx-yyyy 2/2 Running 0 5m',
    pass: true,
  },
  { title: 'like: versions, dates, ellipsis', fn: '_verify_like', out: 'v 1.27.3 2024-01-05 anything', exp: 'v 1.24.0 2023-12-31 ...', pass: true },
  { title: 'like: IP addresses', fn: '_verify_like', out: 'svc 10.0.0.12', exp: 'svc 172.18.0.1', pass: true },
  { title: 'like: <pending> with CMP_MATCH_IP_PENDING', fn: '_verify_like', out: 'svc <pending>', exp: 'svc 1.2.3.4', pass: true, env: { CMP_MATCH_IP_PENDING: 'true' } },
  { title: 'like: <pending> without it', fn: '_verify_like', out: 'svc <pending>', exp: 'svc 1.2.3.4', pass: false },
  { title: 'like: different word', fn: '_verify_like', out: 'x 1/2', exp: 'x 2/2', pass: false },
  { title: 'like: foo is not fob', fn: '_verify_like', out: 'foo', exp: 'fob', pass: false },
  { title: 'like: line count differs', fn: '_verify_like', out: 'a\nb', exp: 'a', pass: false },
  { title: 'like: word count differs', fn: '_verify_like', out: 'a b c', exp: 'a b', pass: false },
  { title: 'lines: + present, - absent, others ignored', fn: '_verify_lines', out: 'foo bar\nbaz', exp: '+ bar\n- qux\nignored', pass: true },
  { title: 'lines: + missing', fn: '_verify_lines', out: 'foo', exp: '+ bar', pass: false },
  { title: 'lines: - present', fn: '_verify_lines', out: 'foo qux', exp: '- qux', pass: false },
  // istio.io ignores indented spec lines, so this would pass there; we check them (docs/doctest.md).
  {
    title: 'lines: indented spec lines are checked (intent fix)',
    fn: '_verify_lines',
    out: 'message: Route was valid',
    exp: '\n    + message: Route was valid\n    + reason: Accepted\n    ',
    pass: false,
  },
  { title: 'lines: indented spec that holds', fn: '_verify_lines', out: 'reason: Accepted', exp: '\n    + reason: Accepted\n    ', pass: true },
];

describe('verify functions', () => {
  test.concurrent.each(cases)('$title', async ({ fn, out, exp, pass, env }) => {
    const r = await bashWithLib(
      `set -e\nemit() { printf '%s' "$OUT"; }\n${fn} emit "$EXP"\necho PASSED`,
      { OUT: out, EXP: exp, VERIFY_TIMEOUT: '0', VERIFY_DELAY: '0.3', ...env },
    );
    if (pass) {
      expect(r.exitCode, r.all).toBe(0);
      expect(r.stdout).toContain('PASSED');
    } else {
      expect(r.exitCode, r.all).toBe(1);
      expect(r.stdout).not.toContain('PASSED');
      expect(r.stderr).toContain(`VERIFY FAILED emit (timeout after 0s):`);
    }
  });

  test('the failure message shows the last output and the expected text', async () => {
    const r = await bashWithLib(`f() { echo "got it   "; }\n_verify_same f "want it"`, { VERIFY_TIMEOUT: '0' });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('VERIFY FAILED f (timeout after 0s):\nreceived:\n"got it"\nexpected:\n"want it"');
  });

  test('retries until the output matches', async () => {
    const r = await bashWithLib(
      `n=0; f() { n=$(( $(cat "$C" 2>/dev/null || echo 0) + 1 )); echo "$n" >"$C"; [[ $n -ge 3 ]] && echo ready || echo waiting; }
       _verify_same f ready; echo "attempts $(cat "$C")"`,
      { VERIFY_TIMEOUT: '60', C: join(tempDir(), 'count') },
    );
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toContain('attempts 3');
  });

  test('VERIFY_CONSECUTIVE needs matches in a row', async () => {
    // Output sequence: ok, no, ok, ok -> with 2 consecutive needed, passes on the 4th attempt.
    const r = await bashWithLib(
      `f() { local n; n=$(( $(cat "$C" 2>/dev/null || echo 0) + 1 )); echo "$n" >"$C"; case $n in 2) echo no;; *) echo ok;; esac; }
       _verify_same f ok; echo "attempts $(cat "$C")"`,
      { VERIFY_TIMEOUT: '60', VERIFY_CONSECUTIVE: '2', C: join(tempDir(), 'count') },
    );
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toContain('attempts 4');
  });

  test('gives up after VERIFY_TIMEOUT, sleeping VERIFY_DELAY between attempts', async () => {
    const counter = join(tempDir(), 'count');
    const r = await bashWithLib(`f() { echo x >>"$C"; echo no; }\n_verify_same f yes`, {
      VERIFY_TIMEOUT: '1',
      VERIFY_DELAY: '0.2',
      C: counter,
    });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('VERIFY FAILED f (timeout after 1s):');
    const attempts = readFileSync(counter, 'utf8').trim().split('\n').length;
    // The deadline is strict (now > start + 1s): at least two attempts; the delay bounds them.
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(attempts).toBeLessThan(20);
  });

  test('not_contains keeps retrying while the command fails', async () => {
    const r = await bashWithLib(`f() { echo fine; return 3; }\n_verify_not_contains f bad`, { VERIFY_TIMEOUT: '0' });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('VERIFY FAILED f');
  });

  test('failure passes on a non-zero exit and names the expectation otherwise', async () => {
    const ok = await bashWithLib(`_verify_failure false && echo PASSED`, { VERIFY_TIMEOUT: '0' });
    expect(ok.stdout).toContain('PASSED');
    const bad = await bashWithLib(`_verify_failure true`, { VERIFY_TIMEOUT: '0' });
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('"NON-ZERO COMMAND EXIT STATUS"');
  });

  test('FUNC may carry arguments, `out` stays readable and errexit is restored', async () => {
    const r = await bashWithLib(
      `set -e\ngreet() { echo "hi $1"; }\n_verify_same "greet bob" "hi bob"\necho "out=[$out]"\n[[ $- == *e* ]] && echo errexit-on`,
      { VERIFY_TIMEOUT: '0' },
    );
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toContain('out=[hi bob]');
    expect(r.stdout).toContain('errexit-on');
  });
});

describe('helpers', () => {
  test.each([
    { gatewayApi: 'false', gateway: 'samples/bookinfo/networking/bookinfo-gateway.yaml' },
    { gatewayApi: 'true', gateway: 'samples/bookinfo/gateway-api/bookinfo-gateway.yaml' },
  ])('startup_bookinfo_sample with GATEWAY_API=$gatewayApi applies the sample and waits; cleanup never fails', async ({ gatewayApi, gateway }) => {
    const r = await bashWithLib(
      `source ${JSON.stringify(join(libDir, 'samples.sh'))}
       kubectl() { echo "kubectl $*"; }
       set -e
       startup_bookinfo_sample
       kubectl() { echo "kubectl $*"; return 1; }
       cleanup_bookinfo_sample
       echo CLEANED`,
      { GATEWAY_API: gatewayApi },
    );
    expect(r.exitCode, r.all).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('kubectl apply -f samples/bookinfo/platform/kube/bookinfo.yaml');
    expect(lines[1]).toBe(`kubectl apply -f ${gateway}`);
    expect(lines.filter((l) => l.includes('rollout status deployment'))).toHaveLength(6);
    expect(lines).toContain(`kubectl delete -f ${gateway}`);
    expect(lines.at(-1)).toBe('CLEANED');
  });

  test('_rewrite_helm_repo runs the snip with local charts and the build tag, also when wrapped by the runner', async () => {
    const r = await bashWithLib(
      `source ${JSON.stringify(join(libDir, 'runner.sh'))}
       helm() { echo "helm $*"; }
       snip_install_1() {
       helm install istio-base istio/base -n istio-system
       }
       __meshdocs_wrap_snips
       [[ $(type snip_install_1) == *__meshdocs_snip* ]] || exit 9
       _rewrite_helm_repo snip_install_1`,
      { ISTIO_IMAGE_VERSION: '1.27-dev', ISTIO_LONG_SHA: 'abc123' },
    );
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout.trim()).toBe('helm install --set global.tag=1.27-dev.abc123 istio-base manifests/charts/base -n istio-system');
  });

  test('_wait_for_deployment runs rollout status and exits the test on failure', async () => {
    const r = await bashWithLib(`kubectl() { echo "kubectl $*"; return 1; }\n_wait_for_deployment default reviews-v1 ctx1\necho not-reached`);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('kubectl --context=ctx1 -n default rollout status deployment reviews-v1 --timeout 5m');
    expect(r.stdout).not.toContain('not-reached');
  });

  test('_wait_for_deployments waits for each deployment in order and stops at the first failure', async () => {
    const r = await bashWithLib(
      `kubectl() { echo "kubectl $*"; [[ $* != *ratings-v1* ]]; }\n_wait_for_deployments default details-v1 ratings-v1 reviews-v1\necho not-reached`,
    );
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('kubectl -n default rollout status deployment details-v1 --timeout 5m\nkubectl -n default rollout status deployment ratings-v1 --timeout 5m');
    expect(r.stdout).not.toContain('reviews-v1');
    expect(r.stdout).not.toContain('not-reached');
  });

  test('_wait_for_resource returns 1 instead of exiting', async () => {
    const r = await bashWithLib(`kubectl() { echo "kubectl $*"; return 1; }\n_wait_for_resource virtualservice default reviews || echo returned`);
    expect(r.stdout).toContain('kubectl wait --for=create -n default virtualservice/reviews --timeout 30s');
    expect(r.stdout).toContain('returned');
  });

  test('_set_ingress_environment_variables uses node ports without a load balancer', async () => {
    const r = await bashWithLib(
      `kubectl() { case "$*" in *loadBalancer*) echo "";; *hostIP*) echo 172.18.0.2;; *http2*nodePort*) echo 30080;; *https*nodePort*) echo 30443;; *tcp*nodePort*) echo 31400;; esac; }
       _set_ingress_environment_variables; echo "$INGRESS_HOST:$INGRESS_PORT:$SECURE_INGRESS_PORT:$TCP_INGRESS_PORT"`,
    );
    expect(r.stdout.trim()).toBe('172.18.0.2:30080:30443:31400');
  });
});
