import { type KeyboardEvent, useState } from 'react';
import type { SipMessage } from '../api/types';
import { formatRetention } from '../lib/format';
import { LADDER_METRICS, layoutLadder } from '../lib/ladder';

/**
 * A call's SIP messages as a sequence diagram (as Homer shows them): one column per address, one arrow per
 * message. Each arrow is a button; the selected message is shown in full below.
 */
export function SipLadder({ messages, retentionHours }: { messages: SipMessage[]; retentionHours: number }) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  if (messages.length === 0) {
    return (
      <div className="ladder-empty">
        <p>No SIP messages recorded for this call (they are kept for {formatRetention(retentionHours)}).</p>
        <p className="muted">
          The SIP edge mirrors every message of a call to Callwire as it passes; calls older than that, or made while
          capture was off, have none.
        </p>
      </div>
    );
  }

  const layout = layoutLadder(messages);
  const selected = messages.find((message) => message.id === selectedId);
  const select = (id: string) => setSelectedId((current) => (current === id ? null : id));
  const onKey = (event: KeyboardEvent, id: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select(id);
    }
  };
  const { headerHeight, timeColumnWidth } = LADDER_METRICS;

  return (
    <>
      <figure aria-label="SIP ladder" className="ladder">
        <div className="ladder-scroll">
          <svg
            width={layout.width}
            height={layout.height}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            className="ladder-svg"
          >
            <text x={8} y={headerHeight - 20} className="ladder-header">
              Time
            </text>
            {layout.columns.map((column) => (
              <g key={column.address}>
                {column.isEdge && (
                  <text x={column.x} y={headerHeight - 36} textAnchor="middle" className="ladder-header">
                    Callwire edge
                  </text>
                )}
                <text x={column.x} y={headerHeight - 20} textAnchor="middle" className="ladder-header">
                  {column.address}
                </text>
                <line
                  x1={column.x}
                  x2={column.x}
                  y1={layout.lifelineTop}
                  y2={layout.lifelineBottom}
                  className="ladder-lifeline"
                />
              </g>
            ))}
            {layout.arrows.map((arrow) => (
              <g key={arrow.id}>
                <text x={timeColumnWidth - 12} y={arrow.y + 4} textAnchor="end" className="ladder-time">
                  {arrow.time}
                </text>
                <g
                  role="button"
                  tabIndex={0}
                  data-testid="ladder-arrow"
                  aria-label={`${arrow.label} from ${arrow.source} to ${arrow.destination}`}
                  aria-pressed={arrow.id === selectedId}
                  className={`ladder-arrow ladder-${arrow.kind}${arrow.id === selectedId ? ' selected' : ''}`}
                  onClick={() => select(arrow.id)}
                  onKeyDown={(event) => onKey(event, arrow.id)}
                >
                  {arrow.loop ? (
                    <path d={arrow.loop} className="ladder-line" fill="none" />
                  ) : (
                    <>
                      {/* A wider transparent line makes the arrow easy to click. */}
                      <line x1={arrow.x1} x2={arrow.x2} y1={arrow.y} y2={arrow.y} className="ladder-hit" />
                      <line x1={arrow.x1} x2={arrow.x2} y1={arrow.y} y2={arrow.y} className="ladder-line" />
                    </>
                  )}
                  <polygon points={arrow.head} className="ladder-head" />
                  <text
                    x={arrow.labelX}
                    y={arrow.y - 6}
                    textAnchor={arrow.loop ? 'start' : 'middle'}
                    className="ladder-label"
                  >
                    {arrow.label}
                  </text>
                </g>
              </g>
            ))}
          </svg>
        </div>
        <figcaption className="muted">
          {messages.length} messages. Requests in blue; responses by class: 1xx grey, 2xx green, 3xx amber, 4xx–6xx red.
          Select an arrow to see the message.
        </figcaption>
      </figure>
      {selected && (
        <section aria-label="Raw SIP message" className="raw-message">
          <h3>
            {selected.label} <span className="muted">({selected.cseq})</span>
          </h3>
          <p className="muted">
            {selected.source} → {selected.destination} over {selected.transport.toUpperCase()},{' '}
            <time dateTime={selected.capturedAt}>{selected.capturedAt}</time>
          </p>
          {/* Focusable: long lines scroll sideways, also by keyboard. */}
          <pre tabIndex={0}>{selected.raw}</pre>
        </section>
      )}
    </>
  );
}
