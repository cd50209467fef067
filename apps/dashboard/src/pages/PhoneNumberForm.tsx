import { useId, useState } from 'react';
import { client, settle } from '../api/client';
import {
  type Application,
  type Carrier,
  type PhoneNumber,
  ROUTE_TYPES,
  type RouteType,
  type SipUser,
} from '../api/types';
import { Field } from '../components/Field';
import { ProblemAlert } from '../components/ProblemAlert';
import { FormActions } from '../components/FormActions';
import { fieldsOf, useForm } from '../hooks/useForm';

export const ROUTE_TYPE_LABELS: Record<RouteType, string> = {
  'sip-user': 'SIP user',
  client: 'Client identity',
  application: 'Application',
  'sip-uri': 'SIP URI',
};

const TARGET_HINTS: Record<RouteType, string> = {
  'sip-user': 'The username of a SIP user of the account.',
  client: 'A client identity (the browser phone registered as client.<identity>).',
  application: 'The application that answers the calls.',
  'sip-uri': 'A sip: or sips: URI, e.g. sip:reception@pbx.example.com.',
};

interface Props {
  readonly phoneNumber: PhoneNumber | null;
  readonly carriers: Carrier[];
  readonly applications: Application[];
  readonly sipUsers: SipUser[];
  onDone(): void;
  onCancel(): void;
}

/** A phone number: its carrier and where its calls go (route type and target). The number cannot change. */
export function PhoneNumberForm({ phoneNumber, carriers, applications, sipUsers, onDone, onCancel }: Props) {
  const [number, setNumber] = useState('');
  const [carrierId, setCarrierId] = useState(phoneNumber?.carrierId ?? '');
  const [routeType, setRouteType] = useState<RouteType>(phoneNumber?.route.type ?? 'sip-user');
  const [target, setTarget] = useState(phoneNumber?.route.target ?? '');
  const form = useForm(fieldsOf('number', 'carrierId', 'route', 'route.type', 'route.target'));
  const usernamesId = useId();

  const save = form.submit(async () => {
    const route = { type: routeType, target: target.trim() };
    if (phoneNumber) {
      await settle(
        client.PATCH('/v1/phone-numbers/{id}', {
          params: { path: { id: phoneNumber.id } },
          body: { carrierId: carrierId || null, route },
        }),
      );
    } else {
      await settle(
        client.POST('/v1/phone-numbers', {
          body: { number: number.trim(), ...(carrierId ? { carrierId } : {}), route },
        }),
      );
      setNumber('');
      setTarget('');
    }
    onDone();
  });

  return (
    <section className="panel">
      <h2>{phoneNumber ? `Edit phone number ${phoneNumber.number}` : 'New phone number'}</h2>
      <form noValidate onSubmit={save}>
        <ProblemAlert problem={form.problem} errors={form.otherErrors} />
        {!phoneNumber && (
          <Field label="Number" errors={form.errors('number')} hint="E.164, e.g. +14155550100. It cannot change later.">
            {(control) => (
              <input
                {...control}
                required
                inputMode="tel"
                placeholder="+14155550100"
                value={number}
                onChange={(event) => setNumber(event.target.value)}
              />
            )}
          </Field>
        )}
        <Field label="Carrier" errors={form.errors('carrierId')} hint="The carrier the number belongs to.">
          {(control) => (
            <select {...control} value={carrierId} onChange={(event) => setCarrierId(event.target.value)}>
              <option value="">None</option>
              {carriers.map((carrier) => (
                <option key={carrier.id} value={carrier.id}>
                  {carrier.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Route type" errors={[...(form.errors('route') ?? []), ...(form.errors('route.type') ?? [])]}>
          {(control) => (
            <select
              {...control}
              value={routeType}
              onChange={(event) => {
                setRouteType(event.target.value as RouteType);
                setTarget('');
              }}
            >
              {ROUTE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {ROUTE_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Target" errors={form.errors('route.target')} hint={TARGET_HINTS[routeType]}>
          {(control) =>
            routeType === 'application' ? (
              <select {...control} required value={target} onChange={(event) => setTarget(event.target.value)}>
                <option value="">Choose an application</option>
                {applications.map((application) => (
                  <option key={application.id} value={application.id}>
                    {application.name}
                  </option>
                ))}
              </select>
            ) : (
              <>
                <input
                  {...control}
                  required
                  autoComplete="off"
                  list={routeType === 'sip-user' ? usernamesId : undefined}
                  value={target}
                  onChange={(event) => setTarget(event.target.value)}
                />
                {routeType === 'sip-user' && (
                  <datalist id={usernamesId}>
                    {sipUsers.map((user) => (
                      <option key={user.id} value={user.username} />
                    ))}
                  </datalist>
                )}
              </>
            )
          }
        </Field>
        <FormActions editing={phoneNumber !== null} busy={form.busy} onCancel={onCancel} />
      </form>
    </section>
  );
}
