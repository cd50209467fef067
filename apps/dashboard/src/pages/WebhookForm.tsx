import { useState } from 'react';
import { client, settle } from '../api/client';
import { ALL_WEBHOOK_EVENTS, WEBHOOK_EVENT_TYPES, type WebhookEndpoint } from '../api/types';
import { Field } from '../components/Field';
import { ProblemAlert } from '../components/ProblemAlert';
import { FormActions } from '../components/FormActions';
import { fieldsOf, useForm } from '../hooks/useForm';

type SubscribedEvent = WebhookEndpoint['events'][number];

interface Props {
  readonly endpoint: WebhookEndpoint | null;
  onCreated(endpoint: WebhookEndpoint & { secret: string }): void;
  onSaved(): void;
  onCancel(): void;
}

/** A webhook endpoint: the URL events are POSTed to, and which events. */
export function WebhookForm({ endpoint, onCreated, onSaved, onCancel }: Props) {
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [events, setEvents] = useState<SubscribedEvent[]>(endpoint?.events ?? []);
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [enabled, setEnabled] = useState(endpoint?.enabled ?? true);
  const form = useForm(fieldsOf('url', 'events', 'description', 'enabled'));
  const all = events.includes(ALL_WEBHOOK_EVENTS);

  const toggle = (event: SubscribedEvent, checked: boolean) =>
    setEvents((current) => (checked ? [...current, event] : current.filter((value) => value !== event)));

  const save = form.submit(async () => {
    if (endpoint) {
      await settle(
        client.PATCH('/v1/webhooks/{id}', {
          params: { path: { id: endpoint.id } },
          body: { url: url.trim(), events, description: description.trim() || null, enabled },
        }),
      );
      onSaved();
      return;
    }
    const created = await settle(
      client.POST('/v1/webhooks', {
        body: { url: url.trim(), events, ...(description.trim() ? { description: description.trim() } : {}) },
      }),
    );
    setUrl('');
    setEvents([]);
    setDescription('');
    onCreated(created);
  });

  return (
    <section className="panel">
      <h2>{endpoint ? 'Edit webhook' : 'New webhook'}</h2>
      <form noValidate onSubmit={save}>
        <ProblemAlert problem={form.problem} errors={form.otherErrors} />
        <Field label="URL" errors={form.errors('url')} hint="Where events are POSTed (https in production).">
          {(control) => (
            <input
              {...control}
              type="url"
              required
              placeholder="https://example.com/webhooks/callwire"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
            />
          )}
        </Field>
        <fieldset>
          <legend>Events</legend>
          <Field label="All events (*)" inline hint="Including event types added later.">
            {(control) => (
              <input
                {...control}
                type="checkbox"
                checked={all}
                onChange={(event) => toggle(ALL_WEBHOOK_EVENTS, event.target.checked)}
              />
            )}
          </Field>
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <Field key={type} label={type} inline>
              {(control) => (
                <input
                  {...control}
                  type="checkbox"
                  disabled={all}
                  checked={all || events.includes(type)}
                  onChange={(event) => toggle(type, event.target.checked)}
                />
              )}
            </Field>
          ))}
          {form.errors('events') && <p className="field-error">{form.errors('events')?.join(' ')}</p>}
        </fieldset>
        <Field label="Description" errors={form.errors('description')} hint="Optional.">
          {(control) => (
            <input {...control} value={description} onChange={(event) => setDescription(event.target.value)} />
          )}
        </Field>
        {endpoint && (
          <Field
            label="Enabled"
            inline
            errors={form.errors('enabled')}
            hint="Disabling pauses deliveries; enabling resets the failure streak."
          >
            {(control) => (
              <input
                {...control}
                type="checkbox"
                checked={enabled}
                onChange={(event) => setEnabled(event.target.checked)}
              />
            )}
          </Field>
        )}
        <FormActions editing={endpoint !== null} busy={form.busy} onCancel={onCancel} />
      </form>
    </section>
  );
}
