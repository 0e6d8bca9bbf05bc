import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exec } from './exec.ts';

interface PodList {
  items: {
    metadata: { name: string; namespace: string };
    status?: { phase?: string; containerStatuses?: { ready?: boolean; restartCount?: number }[] };
  }[];
}

/** Pods that are not Running/Succeeded, not ready, or restarted: the ones whose logs help. */
export function failingPods(list: PodList): { namespace: string; name: string; restarted: boolean }[] {
  return list.items
    .filter((p) => {
      const phase = p.status?.phase ?? '';
      const cs = p.status?.containerStatuses ?? [];
      if (phase === 'Succeeded') return false;
      return phase !== 'Running' || cs.some((c) => !c.ready || (c.restartCount ?? 0) > 0);
    })
    .map((p) => ({
      namespace: p.metadata.namespace,
      name: p.metadata.name,
      restarted: (p.status?.containerStatuses ?? []).some((c) => (c.restartCount ?? 0) > 0),
    }));
}

/**
 * Writes what is needed to understand a failure on a cluster into `dir`: pods, events, logs of
 * failing pods, and the mesh's own status commands (`mesh.dump` in the setups file).
 */
export async function dumpCluster(
  dir: string,
  target: { exec: Exec; env: NodeJS.ProcessEnv; kubeconfig: string; meshCommands: string[] },
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const env = { ...target.env, KUBECONFIG: target.kubeconfig };
  const save = async (file: string, cmd: string, args: string[]) => {
    const r = await target.exec(cmd, args, { env, timeoutMs: 60_000 });
    writeFileSync(join(dir, file), `$ ${[cmd, ...args].join(' ')}\n${r.stdout}${r.stderr ? `\n${r.stderr}` : ''}`);
    return r;
  };
  await save('pods.txt', 'kubectl', ['get', 'pods', '-A', '-o', 'wide']);
  await save('events.txt', 'kubectl', ['get', 'events', '-A', '--sort-by=.lastTimestamp']);
  const pods = await target.exec('kubectl', ['get', 'pods', '-A', '-o', 'json'], { env, timeoutMs: 60_000 });
  if (pods.exitCode === 0) {
    for (const p of failingPods(JSON.parse(pods.stdout) as PodList)) {
      const args = ['logs', '-n', p.namespace, p.name, '--all-containers', '--tail=1000'];
      await save(`logs-${p.namespace}-${p.name}.txt`, 'kubectl', args);
      if (p.restarted) await save(`logs-${p.namespace}-${p.name}-previous.txt`, 'kubectl', [...args, '--previous']);
    }
  }
  for (const [i, c] of target.meshCommands.entries()) await save(`mesh-${i + 1}.txt`, 'bash', ['-c', c]);
}
