import { useState } from 'react';
import { Link } from 'react-router-dom';
import { client, settle } from '../api/client';
import type { Carrier, OutboundRoute } from '../api/types';
import { Field } from '../components/Field';
import { NumberInput } from '../components/NumberInput';
import { ProblemAlert } from '../components/ProblemAlert';
import { FormActions } from '../components/FormActions';
import { fieldsOf, useForm } from '../hooks/useForm';
import { type NumberText, readNumberField } from '../lib/numberFields';

interface Props {
  readonly route: OutboundRoute | null;
  readonly carriers: Carrier[];
  onDone(): void;
  onCancel(): void;
}

/** An outbound route: calls to numbers starting with the prefix go to the carrier. */
export function OutboundRouteForm({ route, carriers, onDone, onCancel }: Props) {
  const [name, setName] = useState(route?.name ?? '');
  const [prefix, setPrefix] = useState(route?.prefix ?? '');
  const [priority, setPriority] = useState<NumberText>(route ? String(route.priority) : '');
  const [carrierId, setCarrierId] = useState(route?.carrierId ?? '');
  const form = useForm(fieldsOf('name', 'prefix', 'priority', 'carrierId'));

  const save = form.submit(async () => {
    const body = { name, prefix: prefix.trim(), priority: readNumberField(priority, 'priority'), carrierId };
    if (route) await settle(client.PATCH('/v1/outbound-routes/{id}', { params: { path: { id: route.id } }, body }));
    else await settle(client.POST('/v1/outbound-routes', { body }));
    if (!route) {
      setName('');
      setPrefix('');
      setPriority('');
    }
    onDone();
  });

  return (
    <section className="panel">
      <h2>{route ? `Edit outbound route ${route.name}` : 'New outbound route'}</h2>
      <form noValidate onSubmit={save}>
        <ProblemAlert problem={form.problem} errors={form.otherErrors} />
        <Field label="Name" errors={form.errors('name')}>
          {(control) => <input {...control} required value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field
          label="Prefix"
          errors={form.errors('prefix')}
          hint="Numbers starting with it take this route (e.g. +1); empty matches any number."
        >
          {(control) => (
            <input {...control} placeholder="+1" value={prefix} onChange={(event) => setPrefix(event.target.value)} />
          )}
        </Field>
        <Field
          label="Priority"
          errors={form.errors('priority')}
          hint="0 to 1000, lower first (default 10); then longer prefixes first."
        >
          {(control) => (
            <NumberInput
              control={control}
              min={0}
              max={1000}
              placeholder="10"
              value={priority}
              onChange={setPriority}
            />
          )}
        </Field>
        <Field
          label="Carrier"
          errors={form.errors('carrierId')}
          hint={
            carriers.length === 0 ? (
              <>
                No carriers yet: <Link to="/carriers">add one</Link> first.
              </>
            ) : undefined
          }
        >
          {(control) => (
            <select {...control} required value={carrierId} onChange={(event) => setCarrierId(event.target.value)}>
              <option value="">Choose a carrier</option>
              {carriers.map((carrier) => (
                <option key={carrier.id} value={carrier.id}>
                  {carrier.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormActions editing={route !== null} busy={form.busy} onCancel={onCancel} />
      </form>
    </section>
  );
}
