import { useState } from 'react';
import { client, settle } from '../api/client';
import { type Carrier, GATEWAY_TRANSPORTS, type GatewayTransport } from '../api/types';
import { Field } from '../components/Field';
import { NumberInput } from '../components/NumberInput';
import { ProblemAlert } from '../components/ProblemAlert';
import { FormActions } from '../components/FormActions';
import { useForm } from '../hooks/useForm';
import { DtmfField } from '../components/DtmfField';
import { SrtpField } from '../components/SrtpField';
import {
  type CarrierFields,
  type GatewayFields,
  NEW_CARRIER,
  NEW_GATEWAY,
  carrierFields,
  createCarrierBody,
  isCarrierFormField,
  updateCarrierBody,
} from '../lib/carrierForm';

type TextKey = { [K in keyof CarrierFields]: CarrierFields[K] extends string ? K : never }[keyof CarrierFields];

interface Props {
  /** The carrier to edit, or null for a new one. */
  readonly carrier: Carrier | null;
  onDone(): void;
  onCancel(): void;
}

/** A SIP trunk: inbound (who may call in), outbound (gateways, credentials, caller ID) and registration. */
export function CarrierForm({ carrier, onDone, onCancel }: Props) {
  const [fields, setFields] = useState<CarrierFields>(carrier ? carrierFields(carrier) : NEW_CARRIER);
  const form = useForm(isCarrierFormField);
  const keepHint = carrier ? 'Leave empty to keep the current password.' : undefined;

  const set = (change: Partial<CarrierFields>) => setFields((current) => ({ ...current, ...change }));
  const setGateway = (index: number, change: Partial<GatewayFields>) =>
    set({ gateways: fields.gateways.map((gateway, i) => (i === index ? { ...gateway, ...change } : gateway)) });

  const text = (label: string, key: TextKey, field: string, options: { hint?: string; password?: boolean } = {}) => (
    <Field label={label} errors={form.errors(field)} hint={options.hint}>
      {(control) => (
        <input
          {...control}
          type={options.password ? 'password' : 'text'}
          autoComplete={options.password ? 'new-password' : 'off'}
          value={fields[key]}
          onChange={(event) => set({ [key]: event.target.value })}
        />
      )}
    </Field>
  );

  // A number field holding text is refused here (InvalidFields), shown at the field like the API's errors.
  const save = form.submit(async () => {
    if (carrier) {
      const body = updateCarrierBody(fields, carrier);
      await settle(client.PATCH('/v1/carriers/{id}', { params: { path: { id: carrier.id } }, body }));
    } else {
      await settle(client.POST('/v1/carriers', { body: createCarrierBody(fields) }));
    }
    setFields(NEW_CARRIER);
    onDone();
  });

  return (
    <section className="panel panel-wide">
      <h2>{carrier ? `Edit carrier ${carrier.name}` : 'New carrier'}</h2>
      <form noValidate onSubmit={save}>
        <ProblemAlert problem={form.problem} errors={form.otherErrors} />
        <div className="form-grid">
          <fieldset>
            <legend>Carrier</legend>
            <Field label="Name" errors={form.errors('name')}>
              {(control) => (
                <input
                  {...control}
                  required
                  value={fields.name}
                  onChange={(event) => set({ name: event.target.value })}
                />
              )}
            </Field>
            <Field
              label="Enabled"
              inline
              errors={form.errors('enabled')}
              hint="A disabled carrier takes and gets no calls."
            >
              {(control) => (
                <input
                  {...control}
                  type="checkbox"
                  checked={fields.enabled}
                  onChange={(event) => set({ enabled: event.target.checked })}
                />
              )}
            </Field>
            <SrtpField value={fields.srtp} errors={form.errors('srtp')} onChange={(srtp) => set({ srtp })} />
            <DtmfField value={fields.dtmf} errors={form.errors('dtmf')} onChange={(dtmf) => set({ dtmf })} />
          </fieldset>

          <fieldset>
            <legend>Inbound</legend>
            <Field
              label="Allowed source addresses"
              errors={form.errors('inbound.allowedAddresses')}
              hint="IP addresses or CIDRs the carrier calls from, one per line."
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={3}
                  spellCheck={false}
                  value={fields.allowedAddresses}
                  onChange={(event) => set({ allowedAddresses: event.target.value })}
                />
              )}
            </Field>
            <GroupErrors messages={form.errors('inbound.auth')} />
            {text('Inbound username', 'inboundUsername', 'inbound.auth.username', {
              hint: carrier
                ? 'Digest credentials the carrier calls in with; clear to remove them.'
                : 'Optional digest credentials the carrier calls in with.',
            })}
            {text('Inbound password', 'inboundPassword', 'inbound.auth.password', { hint: keepHint, password: true })}
          </fieldset>

          <fieldset>
            <legend>Outbound</legend>
            <GroupErrors messages={form.errors('outbound.gateways')} />
            {fields.gateways.length === 0 && <p className="muted">No gateways: calls cannot go out to this carrier.</p>}
            {fields.gateways.map((gateway, index) => (
              <GatewayRow
                key={index}
                number={index + 1}
                gateway={gateway}
                errors={(name) => form.errors(`outbound.gateways.${index}.${name}`)}
                onChange={(change) => setGateway(index, change)}
                onRemove={() => set({ gateways: fields.gateways.filter((_, i) => i !== index) })}
              />
            ))}
            <div className="actions">
              <button
                type="button"
                className="secondary"
                onClick={() => set({ gateways: [...fields.gateways, NEW_GATEWAY] })}
              >
                Add gateway
              </button>
            </div>
            <GroupErrors messages={form.errors('outbound.auth')} />
            {text('Outbound username', 'outboundUsername', 'outbound.auth.username', {
              hint: 'Digest credentials for calls to the carrier.',
            })}
            {text('Outbound password', 'outboundPassword', 'outbound.auth.password', {
              hint: keepHint,
              password: true,
            })}
            {text('From domain', 'fromDomain', 'outbound.fromDomain', { hint: 'Optional: the domain of From.' })}
            {text('Caller ID number', 'callerIdNumber', 'outbound.callerIdNumber', {
              hint: 'Optional: E.164 or digits.',
            })}
          </fieldset>

          <fieldset>
            <legend>Registration</legend>
            <GroupErrors messages={form.errors('outbound.register')} />
            <Field
              label="Register with the carrier"
              inline
              errors={form.errors('outbound.register.enabled')}
              hint="Keep a registration with the first gateway (needs credentials)."
            >
              {(control) => (
                <input
                  {...control}
                  type="checkbox"
                  checked={fields.registerEnabled}
                  onChange={(event) => set({ registerEnabled: event.target.checked })}
                />
              )}
            </Field>
            <Field
              label="Registration expires (seconds)"
              errors={form.errors('outbound.register.expires')}
              hint="60 to 86400 (default 3600)."
            >
              {(control) => (
                <NumberInput
                  control={control}
                  min={60}
                  max={86400}
                  value={fields.registerExpires}
                  onChange={(registerExpires) => set({ registerExpires })}
                />
              )}
            </Field>
            {text('Registration username', 'registerUsername', 'outbound.register.username', {
              hint: 'Optional: the outbound username when empty.',
            })}
            {text('Registration password', 'registerPassword', 'outbound.register.password', {
              hint: carrier ? 'Leave empty to keep the current one.' : 'Optional: the outbound password when empty.',
              password: true,
            })}
          </fieldset>
        </div>
        <FormActions editing={carrier !== null} busy={form.busy} onCancel={onCancel} />
      </form>
    </section>
  );
}

/** Errors about a whole group of fields (e.g. "outbound.gateways" must not repeat a gateway). */
function GroupErrors({ messages }: { messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return <p className="field-error">{messages.join(' ')}</p>;
}

interface GatewayRowProps {
  readonly number: number;
  readonly gateway: GatewayFields;
  errors(name: keyof GatewayFields): string[] | undefined;
  onChange(change: Partial<GatewayFields>): void;
  onRemove(): void;
}

function GatewayRow({ number, gateway, errors, onChange, onRemove }: GatewayRowProps) {
  const label = (text: string) => (
    <>
      <span className="visually-hidden">Gateway {number} </span>
      {text}
    </>
  );
  const numberInput = (name: 'port' | 'priority' | 'weight', text: string, placeholder: string) => (
    <Field label={label(text)} errors={errors(name)}>
      {(control) => (
        <NumberInput
          control={control}
          placeholder={placeholder}
          value={gateway[name]}
          onChange={(value) => onChange({ [name]: value })}
        />
      )}
    </Field>
  );
  return (
    <div className="gateway-row" role="group" aria-label={`Gateway ${number}`}>
      <Field label={label('Host')} errors={errors('host')}>
        {(control) => (
          <input
            {...control}
            required
            placeholder="sip.carrier.example"
            value={gateway.host}
            onChange={(event) => onChange({ host: event.target.value })}
          />
        )}
      </Field>
      {numberInput('port', 'Port', '5060')}
      <Field label={label('Transport')} errors={errors('transport')}>
        {(control) => (
          <select
            {...control}
            value={gateway.transport}
            onChange={(event) => onChange({ transport: event.target.value as GatewayTransport })}
          >
            {GATEWAY_TRANSPORTS.map((transport) => (
              <option key={transport} value={transport}>
                {transport.toUpperCase()}
              </option>
            ))}
          </select>
        )}
      </Field>
      {numberInput('priority', 'Priority', '10')}
      {numberInput('weight', 'Weight', '1')}
      <button type="button" className="danger-outline" onClick={onRemove}>
        Remove<span className="visually-hidden"> gateway {number}</span>
      </button>
    </div>
  );
}
