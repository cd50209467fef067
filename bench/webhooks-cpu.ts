/**
 * CPU time per stage of the webhook pipeline, read from /proc: the worker processes (by pid), PostgreSQL,
 * Redis, the edge (Kamailio) and SIPp (by command name) and the bench itself (receiver and driver). The
 * machine is shared: processes of the same name that belong to others count too, so compare runs made on
 * a quiet machine.
 */
import { readFileSync, readdirSync } from 'node:fs';

export type Stage = 'worker' | 'postgres' | 'redis' | 'edge' | 'sipp' | 'bench';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

const STAGE_OF_COMMAND: Record<string, Stage> = {
  postgres: 'postgres',
  'redis-server': 'redis',
  kamailio: 'edge',
  sipp: 'sipp',
};

/** utime + stime of a process, in ms, and its command name; null when it is gone. */
function processCpu(pid: string): { command: string; ms: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const command = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // After the command: state is field 3; utime and stime are fields 14 and 15 (1-based, see proc(5)).
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { command, ms: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

export type CpuSnapshot = Map<string, { stage: Stage; ms: number }>;

/** CPU used so far by every process of a stage (keyed by pid, so processes that end between two reads are seen). */
export function cpuSnapshot(workerPids: readonly number[]): CpuSnapshot {
  const snapshot: CpuSnapshot = new Map();
  const workers = new Set(workerPids.map(String));
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cpu = processCpu(pid);
    if (!cpu) continue;
    const stage: Stage | undefined = workers.has(pid)
      ? 'worker'
      : pid === String(process.pid)
        ? 'bench'
        : STAGE_OF_COMMAND[cpu.command];
    if (stage) snapshot.set(pid, { stage, ms: cpu.ms });
  }
  return snapshot;
}

/** CPU ms per stage between two snapshots (a process that started in between counts from zero). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): Record<Stage, number> {
  const used: Record<Stage, number> = { worker: 0, postgres: 0, redis: 0, edge: 0, sipp: 0, bench: 0 };
  for (const [pid, { stage, ms }] of after) used[stage] += ms - (before.get(pid)?.ms ?? 0);
  return used;
}
