import { api } from '../api/client';
import type { Call } from '../api/types';
import type { Action } from '../hooks/useAction';

interface Props {
  readonly call: Call;
  readonly action: Action;
  onDone(): void;
}

/** POST /v1/calls/:id/hangup: the edge ends the call within moments. */
export function HangUpButton({ call, action, onDone }: Props) {
  return (
    <button
      type="button"
      className="danger"
      disabled={action.running === `hangup:${call.id}`}
      onClick={() =>
        action.run(`hangup:${call.id}`, async () => {
          await api.post(`/v1/calls/${call.id}/hangup`);
          onDone();
        })
      }
    >
      Hang up
    </button>
  );
}
