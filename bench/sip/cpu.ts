/**
 * CPU accounting for bench:sip, from /proc (Linux): user + system time of the processes this benchmark started
 * (grouped by process group: the Kamailio under test, the SIPp instances), of PostgreSQL's backends for the bench
 * database and of PostgreSQL's auxiliary processes; "other" is every other process that ran during the window:
 * the benchmark's own Node process (nearly idle) and whatever else runs on the machine, i.e. the disturbance
 * (processes that started and ended inside the window are missed). Everything comes from per-process times:
 * /proc/stat's machine-wide counters are sampled at timer ticks and undercount this workload of many short
 * wake-ups (at 1,800 calls/s they showed the machine 20% busy while the processes' own times added up to 71%).
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Client } from 'pg';

/** Linux's USER_HZ, 100 on every mainstream architecture (getconf CLK_TCK). */
const TICKS_PER_SECOND = 100;

interface ProcessTicks {
  readonly comm: string;
  readonly pgrp: number;
  readonly ticks: number;
}

export interface CpuSnapshot {
  readonly atMs: number;
  readonly processes: Map<number, ProcessTicks>;
  readonly stealTicks: number;
  readonly cores: number;
}

export interface CpuGroups {
  /** Process groups (pgid) whose processes count as this group. */
  readonly edge: number[];
  readonly sipp: number[];
  /** PostgreSQL backend pids serving the bench database. */
  readonly pgBackends: number[];
  /** More groups by process id, e.g. a Node service that shares the benchmark's process group. */
  readonly byPid?: Record<string, number[]>;
}

/** % of one core per group; `machineBusy` (all of them) is out of 100% × cores. */
export interface CpuUsage {
  readonly edge: number;
  readonly sipp: number;
  readonly pgBench: number;
  readonly pgAux: number;
  readonly other: number;
  readonly machineBusy: number;
  readonly steal: number;
  readonly cores: number;
  /** The `byPid` groups, % of one core each (not in `other`). */
  readonly byPid: Record<string, number>;
  /** What `other` was, by command name, largest first: who else used the machine. */
  readonly otherByCommand: { readonly command: string; readonly percent: number }[];
}

function readProcess(pid: number): ProcessTicks | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    // Fields after "(comm)": state(3) ppid(4) pgrp(5) ... utime(14) stime(15), numbered from 1 for pid.
    const rest = stat
      .slice(close + 2)
      .split(' ')
      .map((value) => Number(value));
    return { comm, pgrp: rest[2], ticks: rest[11] + rest[12] };
  } catch {
    return undefined;
  }
}

export function snapshot(): CpuSnapshot {
  const processes = new Map<number, ProcessTicks>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const ticks = readProcess(pid);
    if (ticks) processes.set(pid, ticks);
  }
  const lines = readFileSync('/proc/stat', 'utf8').split('\n');
  const cpu = lines[0].split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal ...
  const cores = lines.filter((line) => /^cpu\d+ /.test(line)).length;
  return { atMs: performance.now(), processes, stealTicks: cpu[7] ?? 0, cores };
}

function isPostgresAux(pid: number): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /walwriter|checkpointer|background writer|autovacuum|logical replication|stats|archiver|wal/.test(cmdline);
  } catch {
    return false;
  }
}

/** `exitedSippSeconds`: CPU time of SIPp processes that exited within the window (not in /proc any more). */
export function usage(before: CpuSnapshot, after: CpuSnapshot, groups: CpuGroups, exitedSippSeconds = 0): CpuUsage {
  const seconds = (after.atMs - before.atMs) / 1_000;
  const percent = (ticks: number): number => (seconds > 0 ? (100 * ticks) / TICKS_PER_SECOND / seconds : 0);
  const sums = { edge: 0, sipp: exitedSippSeconds * TICKS_PER_SECOND, pgBench: 0, pgAux: 0, other: 0 };
  const byPid = Object.fromEntries(Object.keys(groups.byPid ?? {}).map((name) => [name, 0]));
  const namedPid = (pid: number): string | undefined =>
    Object.entries(groups.byPid ?? {}).find(([, pids]) => pids.includes(pid))?.[0];
  const otherByCommand = new Map<string, number>();
  for (const [pid, now] of after.processes) {
    const earlier = before.processes.get(pid);
    const delta = earlier && earlier.comm === now.comm ? now.ticks - earlier.ticks : now.ticks;
    if (delta <= 0) continue;
    const named = namedPid(pid);
    if (named !== undefined) byPid[named] += delta;
    else if (groups.edge.includes(now.pgrp)) sums.edge += delta;
    else if (groups.sipp.includes(now.pgrp)) sums.sipp += delta;
    else if (now.comm === 'postgres' && groups.pgBackends.includes(pid)) sums.pgBench += delta;
    else if (now.comm === 'postgres' && isPostgresAux(pid)) sums.pgAux += delta;
    else {
      sums.other += delta;
      otherByCommand.set(now.comm, (otherByCommand.get(now.comm) ?? 0) + delta);
    }
  }
  const busy =
    sums.edge + sums.sipp + sums.pgBench + sums.pgAux + sums.other + Object.values(byPid).reduce((a, b) => a + b, 0);
  return {
    edge: percent(sums.edge),
    sipp: percent(sums.sipp),
    pgBench: percent(sums.pgBench),
    pgAux: percent(sums.pgAux),
    other: percent(sums.other),
    machineBusy: percent(busy) / after.cores,
    steal: percent(after.stealTicks - before.stealTicks),
    cores: after.cores,
    byPid: Object.fromEntries(Object.entries(byPid).map(([name, ticks]) => [name, percent(ticks)])),
    otherByCommand: [...otherByCommand]
      .sort((a, b) => b[1] - a[1])
      .map(([command, ticks]) => ({ command, percent: percent(ticks) })),
  };
}

/** PostgreSQL backends serving `database` now (their CPU is the "pg bench" group). */
export async function backendPids(admin: Client, database: string): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [
    database,
  ]);
  return rows.map((row) => row.pid);
}
