import { describe, expect, test } from 'vitest';
import { failingPods } from '../../src/runner/dump.ts';
import type { Exec } from '../../src/runner/exec.ts';
import { diffSnapshots, takeSnapshot } from '../../src/runner/snapshot.ts';

const list = (items: object[]) => JSON.stringify({ items });

/** A fake kubectl: answers by the resource asked for. */
export function fakeKubectl(state: { namespaces: string[]; labels?: Record<string, string>; workloads?: object[]; mesh?: object[] }): Exec {
  return async (cmd, args) => {
    if (cmd !== 'kubectl') return { exitCode: 1, stdout: '', stderr: 'unexpected' };
    const a = args.join(' ');
    if (a.includes('get namespaces')) {
      return {
        exitCode: 0,
        stdout: list(state.namespaces.map((n) => ({ metadata: { name: n, labels: n === 'default' ? { 'kubernetes.io/metadata.name': 'default', ...state.labels } : {} } }))),
        stderr: '',
      };
    }
    if (a.includes('api-resources')) return { exitCode: 0, stdout: 'pods\nvirtualservices.networking.istio.io\nmutatingwebhookconfigurations.admissionregistration.k8s.io\n', stderr: '' };
    if (a.includes('-n default')) return { exitCode: 0, stdout: list(state.workloads ?? []), stderr: '' };
    if (a.includes(' -A ')) {
      // Only kinds whose CRDs exist are asked for.
      expect(a).toContain('virtualservices.networking.istio.io,mutatingwebhookconfigurations.admissionregistration.k8s.io ');
      return { exitCode: 0, stdout: list(state.mesh ?? []), stderr: '' };
    }
    return { exitCode: 1, stdout: '', stderr: `unexpected ${a}` };
  };
}

describe('snapshots', () => {
  test('a leaked namespace, label, pod, route and webhook are each named', async () => {
    const target = (exec: Exec) => ({ exec, env: {}, kubeconfigs: ['/k'] });
    const before = await takeSnapshot(target(fakeKubectl({ namespaces: ['default', 'kube-system'] })));
    const after = await takeSnapshot(
      target(
        fakeKubectl({
          namespaces: ['default', 'kube-system', 'foo'],
          labels: { 'istio-injection': 'enabled' },
          workloads: [{ kind: 'Pod', metadata: { name: 'curl-1', namespace: 'default' } }],
          mesh: [
            { kind: 'VirtualService', metadata: { name: 'reviews', namespace: 'foo' } },
            { kind: 'MutatingWebhookConfiguration', metadata: { name: 'hook' } },
          ],
        }),
      ),
    );
    expect(diffSnapshots(before, after)).toEqual([
      'leaked: label on namespace default istio-injection=enabled',
      'leaked: mutatingwebhookconfiguration hook',
      'leaked: namespace foo',
      'leaked: pod default/curl-1',
      'leaked: virtualservice foo/reviews',
    ]);
    expect(diffSnapshots(after, before)).toContain('removed: namespace foo');
    expect(diffSnapshots(before, before)).toEqual([]);
  });

  test('failingPods picks pods that are not running, not ready or restarted', () => {
    const pod = (name: string, phase: string, ready = true, restartCount = 0) => ({
      metadata: { name, namespace: 'default' },
      status: { phase, containerStatuses: [{ ready, restartCount }] },
    });
    const names = failingPods({
      items: [pod('ok', 'Running'), pod('done', 'Succeeded', false), pod('pending', 'Pending', false), pod('crash', 'Running', false, 3)],
    }).map((p) => p.name);
    expect(names).toEqual(['pending', 'crash']);
  });
});
