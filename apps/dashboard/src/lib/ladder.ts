// Geometry of a SIP ladder (sequence diagram): one column per endpoint address in order of first appearance,
// one row per message from its source column to its destination column. Pure, so the SVG only draws it.
import { formatElapsed } from './format';

export interface LadderMessage {
  readonly id: string;
  readonly source: string;
  readonly destination: string;
  readonly label: string;
  readonly statusCode: number | null;
  readonly elapsedMs: number;
}

/** Requests, and responses by class: the ladder colours them differently. */
export type ArrowKind = 'request' | 'provisional' | 'success' | 'redirect' | 'failure';

export interface LadderColumn {
  readonly address: string;
  readonly x: number;
  /** The platform's SIP edge: the one address every captured message was sent or received at. */
  readonly isEdge: boolean;
}

export interface LadderArrow {
  readonly id: string;
  readonly label: string;
  readonly source: string;
  readonly destination: string;
  readonly kind: ArrowKind;
  /** The timestamp shown in the left column ("+12.3 ms"). */
  readonly time: string;
  /** Baseline of the row (the arrow's line). */
  readonly y: number;
  readonly x1: number;
  readonly x2: number;
  /** Where the label is centred (above the line). */
  readonly labelX: number;
  /** The arrowhead at x2, as SVG polygon points; for a message to its own column, the line is a small loop. */
  readonly head: string;
  /** For a message to its own column: the loop as an SVG path; null otherwise. */
  readonly loop: string | null;
}

export interface LadderLayout {
  readonly width: number;
  readonly height: number;
  readonly columns: LadderColumn[];
  readonly arrows: LadderArrow[];
  /** Top and bottom of the lifelines. */
  readonly lifelineTop: number;
  readonly lifelineBottom: number;
}

export const LADDER_METRICS = {
  timeColumnWidth: 96,
  columnSpacing: 220,
  headerHeight: 64,
  rowHeight: 36,
  bottomPadding: 16,
  headLength: 8,
  headHalfWidth: 4,
  loopWidth: 32,
} as const;

export function arrowKind(statusCode: number | null): ArrowKind {
  if (statusCode === null) return 'request';
  if (statusCode < 200) return 'provisional';
  if (statusCode < 300) return 'success';
  if (statusCode < 400) return 'redirect';
  return 'failure';
}

/** The endpoint addresses in order of first appearance (each message's source before its destination). */
export function ladderColumns(messages: readonly LadderMessage[]): string[] {
  const seen = new Set<string>();
  for (const message of messages) {
    seen.add(message.source);
    seen.add(message.destination);
  }
  return [...seen];
}

/** The edge captures what it sends and receives, so its address is on every message (null if none is). */
export function edgeAddress(messages: readonly LadderMessage[]): string | null {
  const [first, ...rest] = messages;
  if (!first) return null;
  const onAll = (address: string) => rest.every((m) => m.source === address || m.destination === address);
  if (onAll(first.source)) return first.source;
  return onAll(first.destination) ? first.destination : null;
}

function headPoints(tipX: number, y: number, pointsRight: boolean): string {
  const { headLength, headHalfWidth } = LADDER_METRICS;
  const baseX = pointsRight ? tipX - headLength : tipX + headLength;
  return `${tipX},${y} ${baseX},${y - headHalfWidth} ${baseX},${y + headHalfWidth}`;
}

export function layoutLadder(messages: readonly LadderMessage[]): LadderLayout {
  const m = LADDER_METRICS;
  const addresses = ladderColumns(messages);
  const xOf = new Map(
    addresses.map((address, index) => [address, m.timeColumnWidth + (index + 0.5) * m.columnSpacing]),
  );
  const edge = edgeAddress(messages);
  const columns = addresses.map((address) => ({ address, x: xOf.get(address) as number, isEdge: address === edge }));

  const arrows = messages.map((message, index): LadderArrow => {
    const y = m.headerHeight + (index + 0.75) * m.rowHeight;
    const x1 = xOf.get(message.source) as number;
    const x2 = xOf.get(message.destination) as number;
    const common = {
      id: message.id,
      label: message.label,
      source: message.source,
      destination: message.destination,
      kind: arrowKind(message.statusCode),
      time: formatElapsed(message.elapsedMs),
      y,
      x1,
      x2,
    };
    if (x1 === x2) {
      // To its own address: out to the right, down a little and back, the head pointing left.
      const right = x1 + m.loopWidth;
      const back = y + m.rowHeight / 4;
      return {
        ...common,
        labelX: right + 4,
        head: headPoints(x1, back, false),
        loop: `M ${x1} ${y} H ${right} V ${back} H ${x1 + m.headLength}`,
      };
    }
    return { ...common, labelX: (x1 + x2) / 2, head: headPoints(x2, y, x2 > x1), loop: null };
  });

  const lifelineTop = m.headerHeight - 8;
  const lifelineBottom = m.headerHeight + messages.length * m.rowHeight + m.bottomPadding / 2;
  return {
    width: m.timeColumnWidth + Math.max(addresses.length, 1) * m.columnSpacing,
    height: m.headerHeight + messages.length * m.rowHeight + m.bottomPadding,
    columns,
    arrows,
    lifelineTop,
    lifelineBottom,
  };
}
