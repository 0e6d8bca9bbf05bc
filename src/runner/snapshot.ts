import type { Exec } from './exec.ts';

/** What a test must leave as it found it: sorted names per category. */
export type Snapshot = Record<string, string[]>;

/** Workloads checked in namespace `default`. */
export const defaultWorkloadKinds = ['services', 'deployments', 'pods', 'replicasets', 'daemonsets', 'statefulsets', 'jobs'];

/** Mesh and Gateway API objects and webhooks, checked in every namespace. */
export const meshKinds = [
  'virtualservices.networking.istio.io',
  'destinationrules.networking.istio.io',
  'gateways.networking.istio.io',
  'serviceentries.networking.istio.io',
  'sidecars.networking.istio.io',
  'envoyfilters.networking.istio.io',
  'workloadentries.networking.istio.io',
  'workloadgroups.networking.istio.io',
  'authorizationpolicies.security.istio.io',
  'peerauthentications.security.istio.io',
  'requestauthentications.security.istio.io',
  'telemetries.telemetry.istio.io',
  'wasmplugins.extensions.istio.io',
  'istiooperators.install.istio.io',
  'gateways.gateway.networking.k8s.io',
  'httproutes.gateway.networking.k8s.io',
  'grpcroutes.gateway.networking.k8s.io',
  'tcproutes.gateway.networking.k8s.io',
  'tlsroutes.gateway.networking.k8s.io',
  'referencegrants.gateway.networking.k8s.io',
  'mutatingwebhookconfigurations.admissionregistration.k8s.io',
  'validatingwebhookconfigurations.admissionregistration.k8s.io',
];

interface KubeList {
  items: { kind?: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> } }[];
}

export interface SnapshotTarget {
  exec: Exec;
  env: NodeJS.ProcessEnv;
  /** Kubeconfig files (one per cluster). */
  kubeconfigs: string[];
}

/**
 * One snapshot of every cluster: namespaces, the labels of `default`, the workloads in
 * `default`, and mesh / Gateway API objects and webhooks everywhere. Kinds whose CRD is not
 * installed are left out (`kubectl api-resources`), so the same call works before and after a
 * test installs the Gateway API CRDs: their objects then show up as new.
 */
export async function takeSnapshot(target: SnapshotTarget): Promise<Snapshot> {
  const snap: Snapshot = {};
  for (const [i, kubeconfig] of target.kubeconfigs.entries()) {
    const tag = target.kubeconfigs.length > 1 ? `cluster ${i + 1} ` : '';
    const kubectl = async (args: string[]) => {
      const r = await target.exec('kubectl', ['--kubeconfig', kubeconfig, ...args], { env: target.env, timeoutMs: 60_000 });
      if (r.exitCode !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr.trim()}`);
      return r.stdout;
    };
    const namespaces = JSON.parse(await kubectl(['get', 'namespaces', '-o', 'json'])) as KubeList;
    snap[`${tag}namespace`] = namespaces.items.map((n) => n.metadata.name).sort();
    const def = namespaces.items.find((n) => n.metadata.name === 'default');
    snap[`${tag}label on namespace default`] = Object.entries(def?.metadata.labels ?? {})
      .filter(([k]) => k !== 'kubernetes.io/metadata.name')
      .map(([k, v]) => `${k}=${v}`)
      .sort();
    const workloads = JSON.parse(await kubectl(['get', defaultWorkloadKinds.join(','), '-n', 'default', '-o', 'json'])) as KubeList;
    addItems(snap, tag, workloads, false);
    const available = new Set(
      (await kubectl(['api-resources', '-o', 'name'])).split('\n').map((l) => l.trim()),
    );
    const kinds = meshKinds.filter((k) => available.has(k));
    if (kinds.length > 0) addItems(snap, tag, JSON.parse(await kubectl(['get', kinds.join(','), '-A', '-o', 'json'])) as KubeList, true);
  }
  for (const k of Object.keys(snap)) snap[k]!.sort();
  return snap;
}

function addItems(snap: Snapshot, tag: string, list: KubeList, withNamespace: boolean): void {
  for (const item of list.items) {
    const key = `${tag}${(item.kind ?? 'object').toLowerCase()}`;
    const ns = item.metadata.namespace;
    const name = withNamespace && ns ? `${ns}/${item.metadata.name}` : item.metadata.name;
    (snap[key] ??= []).push(withNamespace || !ns ? name : `${ns}/${name}`);
  }
}

/** `leaked: deployment default/foo`, `removed: namespace bar`: empty when equal. */
export function diffSnapshots(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const b = new Set(before[key] ?? []);
    const a = new Set(after[key] ?? []);
    for (const x of a) if (!b.has(x)) out.push(`leaked: ${key} ${x}`);
    for (const x of b) if (!a.has(x)) out.push(`removed: ${key} ${x}`);
  }
  return out;
}
