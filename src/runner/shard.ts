/**
 * Picks shard `index` (1-based) of `total` from the test ids. Longest first onto the least loaded
 * shard (durations from the previous report; unknown tests weigh the median), ties broken by id,
 * so every shard of a run computes the same split without talking to the others.
 */
export function selectShard(ids: string[], index: number, total: number, durations: Record<string, number> = {}): string[] {
  const known = Object.values(durations).filter((d) => d > 0).sort((a, b) => a - b);
  const fallback = known.length > 0 ? known[Math.floor(known.length / 2)]! : 1;
  const weight = (id: string) => durations[id] ?? fallback;
  const sorted = [...new Set(ids)].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b));
  const load = Array.from({ length: total }, () => 0);
  const picked: string[] = [];
  for (const id of sorted) {
    let best = 0;
    for (let s = 1; s < total; s++) if (load[s]! < load[best]!) best = s;
    load[best]! += weight(id);
    if (best === index - 1) picked.push(id);
  }
  return picked.sort();
}

/** `2/4` → { index: 2, total: 4 }; undefined when malformed. */
export function parseShard(text: string): { index: number; total: number } | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const total = Number(m[2]);
  return total >= 1 && index >= 1 && index <= total ? { index, total } : undefined;
}
