/** The middle value of `xs` (the upper one of the two middles for an even count); what every benchmark reports. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of no values');
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}
