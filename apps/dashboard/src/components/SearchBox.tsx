import { useEffect, useState } from 'react';
import { Field } from './Field';

const SEARCH_DELAY_MS = 300;

interface Props {
  readonly label: string;
  readonly hint?: string;
  /** Called with the trimmed text once typing pauses (keep it stable: a state setter, or useCallback). */
  onSearch(text: string): void;
}

/** A search field above a long list: the list follows as you type. */
export function SearchBox({ label, hint, onSearch }: Props) {
  const [text, setText] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => onSearch(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, onSearch]);
  return (
    <div className="search-box" role="search">
      <Field label={label} hint={hint}>
        {(control) => (
          <input {...control} type="search" value={text} onChange={(event) => setText(event.target.value)} />
        )}
      </Field>
    </div>
  );
}
