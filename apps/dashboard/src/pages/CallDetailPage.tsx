import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { client, settle } from '../api/client';
import { Badge } from '../components/Badge';
import { DateTime } from '../components/DateTime';
import { HangUpButton } from '../components/HangUpButton';
import { ProblemAlert } from '../components/ProblemAlert';
import { SipLadder } from '../components/SipLadder';
import { useAction } from '../hooks/useAction';
import { useResource } from '../hooks/useResource';
import { formatDuration } from '../lib/format';
import { callStatusTone, isActiveCall } from '../lib/status';
import { useLiveRefresh } from '../live/LiveContext';

const LADDER_POLL_MS = 1000;
const LADDER_SETTLE_MS = 5000;

/** One call: its fields, then its SIP ladder. */
export function CallDetailPage() {
  const id = useParams().id ?? '';
  const call = useResource(`call ${id}`, () => settle(client.GET('/v1/calls/{id}', { params: { path: { id } } })));
  const messages = useResource(`sip-messages ${id}`, () =>
    settle(client.GET('/v1/calls/{id}/sip-messages', { params: { path: { id } } })),
  );
  useLiveRefresh(['calls'], () => {
    call.reload();
    messages.reload();
  });
  const action = useAction();
  const data = call.data;
  // The capture is stored a moment after the edge reports the call's steps: look again while the ladder grows.
  const recent = data && (isActiveCall(data.status) || Date.now() - Date.parse(data.endedAt ?? '') < LADDER_SETTLE_MS);
  const reloadMessages = messages.reload;
  useEffect(() => {
    if (!recent || messages.loading) return;
    const timer = setTimeout(reloadMessages, LADDER_POLL_MS);
    return () => clearTimeout(timer);
  }, [recent, messages.loading, reloadMessages]);

  return (
    <>
      <p>
        <Link to="/calls">← All calls</Link>
      </p>
      <h1>Call details</h1>
      <ProblemAlert problem={call.problem ?? action.problem} />
      {call.loading && !data && <p role="status">Loading…</p>}
      {data && (
        <>
          <p className="lead break">
            {data.from} → {data.to}
          </p>
          {isActiveCall(data.status) && (
            <div className="actions">
              <HangUpButton call={data} action={action} onDone={call.reload} />
            </div>
          )}
          <dl className="details">
            <dt>Status</dt>
            <dd>
              <Badge tone={callStatusTone(data.status)}>{data.status}</Badge>
            </dd>
            <dt>From</dt>
            <dd className="break">{data.from}</dd>
            <dt>To</dt>
            <dd className="break">{data.to}</dd>
            <dt>Direction</dt>
            <dd>{data.direction}</dd>
            <dt>SIP status</dt>
            <dd>{data.sipStatus ?? '—'}</dd>
            <dt>Reason</dt>
            <dd>{data.reason ?? '—'}</dd>
            <dt>Hung up by</dt>
            <dd>{data.hangupBy ?? '—'}</dd>
            <dt>Transport</dt>
            <dd>{data.transport ?? '—'}</dd>
            <dt>Codecs (caller → callee)</dt>
            <dd>{data.callerCodec && data.calleeCodec ? `${data.callerCodec} → ${data.calleeCodec}` : '—'}</dd>
            {data.dtmfDigits ? (
              <>
                <dt>DTMF digits</dt>
                <dd>
                  <code>{data.dtmfDigits}</code>
                </dd>
              </>
            ) : null}
            <dt>Started</dt>
            <dd>
              <DateTime value={data.startedAt} />
            </dd>
            <dt>Ringing</dt>
            <dd>
              <DateTime value={data.ringingAt} />
            </dd>
            <dt>Answered</dt>
            <dd>
              <DateTime value={data.answeredAt} />
            </dd>
            <dt>Ended</dt>
            <dd>
              <DateTime value={data.endedAt} />
            </dd>
            <dt>Duration</dt>
            <dd>{formatDuration(data.durationMs)}</dd>
            <dt>SIP Call-ID</dt>
            <dd className="break">
              <code>{data.sipCallId}</code>
            </dd>
            <dt>Call ID</dt>
            <dd>
              <code>{data.id}</code>
            </dd>
          </dl>
        </>
      )}

      {/* No call, no ladder: the call's problem says why. */}
      {!call.problem && (
        <section>
          <h2>SIP ladder</h2>
          <ProblemAlert problem={messages.problem} />
          {messages.data ? (
            <SipLadder messages={messages.data.data} retentionHours={messages.data.retentionHours} />
          ) : (
            messages.loading && <p role="status">Loading…</p>
          )}
        </section>
      )}
    </>
  );
}
