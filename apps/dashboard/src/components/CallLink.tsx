import { Link } from 'react-router-dom';
import type { Call } from '../api/types';

/** A call's "from → to", linking to its details and SIP ladder. */
export function CallLink({ call }: { call: Call }) {
  return (
    <Link to={`/calls/${call.id}`}>
      {call.from} → {call.to}
    </Link>
  );
}
