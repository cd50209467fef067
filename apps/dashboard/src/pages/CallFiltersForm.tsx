import { useState } from 'react';
import { CALL_STATUSES, type CallStatus } from '../api/types';
import { Field } from '../components/Field';
import { type CallFilters, NO_CALL_FILTERS } from '../lib/callFilters';

interface Props {
  readonly filters: CallFilters;
  onApply(filters: CallFilters): void;
}

/** The call history's filters: applied on submit. */
export function CallFiltersForm({ filters, onApply }: Props) {
  const [draft, setDraft] = useState(filters);
  const set = (change: Partial<CallFilters>) => setDraft((current) => ({ ...current, ...change }));

  return (
    <form
      noValidate
      className="filters"
      aria-label="Call filters"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <Field label="Status">
        {(control) => (
          <select
            {...control}
            value={draft.status}
            onChange={(event) => set({ status: event.target.value as CallStatus | '' })}
          >
            <option value="">Any status</option>
            {CALL_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="From">
        {(control) => (
          <input
            {...control}
            placeholder="sip:alice@acme.example.com"
            value={draft.from}
            onChange={(event) => set({ from: event.target.value })}
          />
        )}
      </Field>
      <Field label="To">
        {(control) => (
          <input
            {...control}
            placeholder="sip:bob@acme.example.com"
            value={draft.to}
            onChange={(event) => set({ to: event.target.value })}
          />
        )}
      </Field>
      <Field label="Started after">
        {(control) => (
          <input
            {...control}
            type="datetime-local"
            value={draft.startedAfter}
            onChange={(event) => set({ startedAfter: event.target.value })}
          />
        )}
      </Field>
      <Field label="Started before">
        {(control) => (
          <input
            {...control}
            type="datetime-local"
            value={draft.startedBefore}
            onChange={(event) => set({ startedBefore: event.target.value })}
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit">Apply filters</button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDraft(NO_CALL_FILTERS);
            onApply(NO_CALL_FILTERS);
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
