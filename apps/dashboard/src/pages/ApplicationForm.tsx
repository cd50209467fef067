import { useState } from 'react';
import { client, settle } from '../api/client';
import type { Application } from '../api/types';
import { Field } from '../components/Field';
import { ProblemAlert } from '../components/ProblemAlert';
import { FormActions } from '../components/FormActions';
import { fieldsOf, useForm } from '../hooks/useForm';

interface Props {
  readonly application: Application | null;
  /** After a create: the new application with its signing secret (shown once). */
  onCreated(application: Application & { signingSecret: string }): void;
  onSaved(): void;
  onCancel(): void;
}

/** An application: the URLs Callwire asks what to do with a call, and where it reports the call's status. */
export function ApplicationForm({ application, onCreated, onSaved, onCancel }: Props) {
  const [name, setName] = useState(application?.name ?? '');
  const [voiceUrl, setVoiceUrl] = useState(application?.voiceUrl ?? '');
  const [fallbackUrl, setFallbackUrl] = useState(application?.fallbackUrl ?? '');
  const [statusCallbackUrl, setStatusCallbackUrl] = useState(application?.statusCallbackUrl ?? '');
  const form = useForm(fieldsOf('name', 'voiceUrl', 'fallbackUrl', 'statusCallbackUrl'));

  const save = form.submit(async () => {
    if (application) {
      await settle(
        client.PATCH('/v1/applications/{id}', {
          params: { path: { id: application.id } },
          body: {
            name,
            voiceUrl: voiceUrl.trim(),
            fallbackUrl: fallbackUrl.trim() || null,
            statusCallbackUrl: statusCallbackUrl.trim() || null,
          },
        }),
      );
      onSaved();
      return;
    }
    const created = await settle(
      client.POST('/v1/applications', {
        body: {
          name,
          voiceUrl: voiceUrl.trim(),
          ...(fallbackUrl.trim() ? { fallbackUrl: fallbackUrl.trim() } : {}),
          ...(statusCallbackUrl.trim() ? { statusCallbackUrl: statusCallbackUrl.trim() } : {}),
        },
      }),
    );
    setName('');
    setVoiceUrl('');
    setFallbackUrl('');
    setStatusCallbackUrl('');
    onCreated(created);
  });

  const url = (label: string, value: string, set: (value: string) => void, field: string, hint: string) => (
    <Field label={label} errors={form.errors(field)} hint={hint}>
      {(control) => (
        <input
          {...control}
          type="url"
          required={field === 'voiceUrl'}
          placeholder="https://example.com/callwire/voice"
          value={value}
          onChange={(event) => set(event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <section className="panel">
      <h2>{application ? `Edit application ${application.name}` : 'New application'}</h2>
      <form noValidate onSubmit={save}>
        <ProblemAlert problem={form.problem} errors={form.otherErrors} />
        <Field label="Name" errors={form.errors('name')}>
          {(control) => <input {...control} required value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        {url(
          'Voice URL',
          voiceUrl,
          setVoiceUrl,
          'voiceUrl',
          'Each call is POSTed here; the JSON answer says what to do.',
        )}
        {url('Fallback URL', fallbackUrl, setFallbackUrl, 'fallbackUrl', 'Optional: asked when the voice URL fails.')}
        {url(
          'Status callback URL',
          statusCallbackUrl,
          setStatusCallbackUrl,
          'statusCallbackUrl',
          "Optional: the call's status changes are POSTed here.",
        )}
        <FormActions editing={application !== null} busy={form.busy} onCancel={onCancel} />
      </form>
    </section>
  );
}
