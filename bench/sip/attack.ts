/**
 * bench:sip under attack: the legitimate load (SIPp from 127.0.0.1) measured on the Callwire edge alone, then
 * again while a scanner floods it (friendly-scanner OPTIONS over UDP from another loopback address, at a fixed
 * rate for the same bounded time). Reported: the rate with the flood ÷ the rate without, failed legitimate
 * transactions, and how many flood requests the edge answered (it should answer none: scanners are banned).
 */
import { flood, scannerOptions } from '../../test/hostile/support/flood';
import { fixed, log, table } from '../support';
import type { SippResult } from './sipp';

export interface AttackRow {
  readonly phase: string;
  readonly calm: SippResult;
  readonly attacked: SippResult;
  readonly flood: { readonly sent: number; readonly answers: number; readonly seconds: number };
}

/** Runs `legit` without, then with a flood of `rate` req/s for `seconds` from `attacker`. */
export async function underAttack(options: {
  readonly phase: string;
  readonly edgePort: number;
  readonly attacker: string;
  readonly rate: number;
  readonly seconds: number;
  readonly legit: (label: string) => Promise<SippResult>;
}): Promise<AttackRow> {
  log(`${options.phase}: without attack`);
  const calm = await options.legit(`${options.phase} (calm)`);
  log(`${options.phase}: with a ${options.rate}/s scanner flood from ${options.attacker} for ${options.seconds} s`);
  const flooding = flood({
    edgePort: options.edgePort,
    from: options.attacker,
    rate: options.rate,
    seconds: options.seconds,
    message: (via) => scannerOptions(options.edgePort, via),
  });
  const attacked = await options.legit(`${options.phase} (under attack)`);
  const sent = await flooding;
  log(
    `  ${fixed(calm.rate)}/s calm, ${fixed(attacked.rate)}/s under attack (failed ${calm.failed} / ${attacked.failed}); ` +
      `flood ${sent.sent} sent, ${sent.answers} answered`,
  );
  return { phase: options.phase, calm, attacked, flood: sent };
}

export const ATTACK_TARGET = 0.9;

export function reportAttack(rows: readonly AttackRow[]): void {
  process.stdout.write(
    `${table(
      ['under attack', 'calm /s', 'attacked /s', 'ratio', 'failed calm / attacked', 'flood sent', 'flood answered'],
      rows.map((row) => [
        row.phase,
        fixed(row.calm.rate),
        fixed(row.attacked.rate),
        row.calm.rate > 0 ? `${(row.attacked.rate / row.calm.rate).toFixed(3)}x` : 'n/a',
        `${row.calm.failed} / ${row.attacked.failed}`,
        `${row.flood.sent} in ${fixed(row.flood.seconds, 1)} s`,
        String(row.flood.answers),
      ]),
    )}\n`,
  );
  for (const row of rows) {
    const ratio = row.calm.rate > 0 ? row.attacked.rate / row.calm.rate : 0;
    const met = ratio >= ATTACK_TARGET && row.attacked.failed === 0;
    process.stdout.write(
      `target: ${row.phase} under attack >= ${ATTACK_TARGET}x with 0 failed: ${ratio.toFixed(3)}x, ` +
        `${row.attacked.failed} failed, ${met ? 'met' : 'NOT met'}\n`,
    );
  }
}
