import { LADDER_METRICS, type LadderMessage, arrowKind, edgeAddress, ladderColumns, layoutLadder } from './ladder';

const ALICE = '192.0.2.10:5060';
const EDGE = '198.51.100.1:5060';
const BOB = '203.0.113.7:41234';

function message(
  id: string,
  source: string,
  destination: string,
  label: string,
  statusCode: number | null,
  elapsedMs: number,
): LadderMessage {
  return { id, source, destination, label, statusCode, elapsedMs };
}

const call: LadderMessage[] = [
  message('1', ALICE, EDGE, 'INVITE', null, 0),
  message('2', EDGE, ALICE, '100 Trying', 100, 0.8),
  message('3', EDGE, BOB, 'INVITE', null, 2.25),
  message('4', BOB, EDGE, '180 Ringing', 180, 40),
  message('5', EDGE, ALICE, '180 Ringing', 180, 41.5),
  message('6', BOB, EDGE, '486 Busy Here', 486, 1500),
];

describe('ladderColumns', () => {
  it('has one column per address, in order of first appearance', () => {
    expect(ladderColumns(call)).toEqual([ALICE, EDGE, BOB]);
    expect(ladderColumns([message('1', BOB, ALICE, 'BYE', null, 0)])).toEqual([BOB, ALICE]);
  });
});

describe('edgeAddress', () => {
  it('is the address on every message, marked on its column', () => {
    expect(edgeAddress(call)).toBe(EDGE);
    expect(layoutLadder(call).columns.map((column) => column.isEdge)).toEqual([false, true, false]);
  });

  it('is null when no address is on every message, or there are none', () => {
    expect(edgeAddress([message('1', ALICE, EDGE, 'INVITE', null, 0), message('2', BOB, ALICE, 'BYE', null, 1)])).toBe(
      ALICE,
    );
    expect(
      edgeAddress([message('1', ALICE, EDGE, 'INVITE', null, 0), message('2', BOB, '1.2.3.4:5', 'X', null, 1)]),
    ).toBeNull();
    expect(edgeAddress([])).toBeNull();
  });
});

describe('arrowKind', () => {
  it('tells requests from responses, and responses by class', () => {
    expect([null, 100, 183, 200, 302, 404, 503, 603].map(arrowKind)).toEqual([
      'request',
      'provisional',
      'provisional',
      'success',
      'redirect',
      'failure',
      'failure',
      'failure',
    ]);
  });
});

describe('layoutLadder', () => {
  const m = LADDER_METRICS;
  const layout = layoutLadder(call);
  const [alice, edge, bob] = layout.columns.map((column) => column.x);

  it('places the columns evenly right of the time column', () => {
    expect(layout.columns.map((column) => column.address)).toEqual([ALICE, EDGE, BOB]);
    expect(alice).toBe(m.timeColumnWidth + m.columnSpacing / 2);
    expect(edge - alice).toBe(m.columnSpacing);
    expect(bob - edge).toBe(m.columnSpacing);
    expect(layout.width).toBe(m.timeColumnWidth + 3 * m.columnSpacing);
  });

  it('draws each message from its source column to its destination column, one row each, going down', () => {
    expect(layout.arrows.map(({ x1, x2 }) => [x1, x2])).toEqual([
      [alice, edge],
      [edge, alice],
      [edge, bob],
      [bob, edge],
      [edge, alice],
      [bob, edge],
    ]);
    const ys = layout.arrows.map((arrow) => arrow.y);
    ys.slice(1).forEach((y, index) => expect(y - ys[index]).toBe(m.rowHeight));
    expect(ys[0]).toBeGreaterThan(m.headerHeight);
    expect(layout.height).toBeGreaterThan(ys[ys.length - 1]);
    expect(layout.lifelineBottom).toBeGreaterThan(ys[ys.length - 1]);
    expect(layout.lifelineTop).toBeLessThan(ys[0]);
  });

  it('labels, times and colours the arrows', () => {
    expect(layout.arrows.map((arrow) => [arrow.label, arrow.time, arrow.kind])).toEqual([
      ['INVITE', '+0.0 ms', 'request'],
      ['100 Trying', '+0.8 ms', 'provisional'],
      ['INVITE', '+2.3 ms', 'request'],
      ['180 Ringing', '+40.0 ms', 'provisional'],
      ['180 Ringing', '+41.5 ms', 'provisional'],
      ['486 Busy Here', '+1.500 s', 'failure'],
    ]);
    expect(layout.arrows[0].labelX).toBe((alice + edge) / 2);
  });

  it('points the arrowhead at the destination, either way', () => {
    const [toRight, toLeft] = layout.arrows;
    expect(toRight.head).toBe(
      `${edge},${toRight.y} ${edge - m.headLength},${toRight.y - m.headHalfWidth} ${edge - m.headLength},${toRight.y + m.headHalfWidth}`,
    );
    expect(toLeft.head.startsWith(`${alice},${toLeft.y} ${alice + m.headLength},`)).toBe(true);
    expect(toRight.loop).toBeNull();
  });

  it('draws a message to its own address as a loop', () => {
    const [arrow] = layoutLadder([message('1', EDGE, EDGE, 'OPTIONS', null, 0)]).arrows;
    expect(arrow.x1).toBe(arrow.x2);
    expect(arrow.loop).toMatch(/^M /);
    expect(arrow.labelX).toBeGreaterThan(arrow.x1);
  });

  it('lays out no message as an empty ladder', () => {
    const empty = layoutLadder([]);
    expect(empty.columns).toEqual([]);
    expect(empty.arrows).toEqual([]);
    expect(empty.width).toBe(m.timeColumnWidth + m.columnSpacing);
  });
});
