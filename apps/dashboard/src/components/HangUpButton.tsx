import { client, settle } from '../api/client';
import type { Call } from '../api/types';
import type { Action } from '../hooks/useAction';
import { ConfirmButton } from './ConfirmButton';

interface Props {
  readonly call: Call;
  readonly action: Action;
  onDone(): void;
}

/** POST /v1/calls/:id/hangup, after a confirmation: it ends a real conversation, within moments. */
export function HangUpButton({ call, action, onDone }: Props) {
  return (
    <ConfirmButton
      label="Hang up"
      confirmLabel="Confirm hang up"
      busy={action.running === `hangup:${call.id}`}
      onConfirm={() =>
        action.run(`hangup:${call.id}`, async () => {
          await settle(client.POST('/v1/calls/{id}/hangup', { params: { path: { id: call.id } } }));
          onDone();
        })
      }
    />
  );
}
