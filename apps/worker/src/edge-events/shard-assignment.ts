/**
 * Which partitions (edge-event streams) a worker should own: every live worker computes the same split from
 * the same sorted list of live workers, so they agree without talking to each other. Partition p goes to the
 * worker at index p mod n: shares differ by at most one, and a worker that joins or leaves moves only the
 * partitions whose index changes owner.
 */
export function assignedPartitions(partitions: number, liveWorkers: readonly string[], me: string): number[] {
  const workers = [...new Set([...liveWorkers, me])].sort();
  const index = workers.indexOf(me);
  const assigned: number[] = [];
  for (let partition = 0; partition < partitions; partition++) {
    if (partition % workers.length === index) assigned.push(partition);
  }
  return assigned;
}
