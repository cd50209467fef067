/** What ordering a ladder needs of a message. */
export interface LadderEntry {
  readonly cseq: string;
  readonly source: string;
  readonly destination: string;
  /** Null for requests. */
  readonly statusCode: number | null;
}

const hop = (cseq: string, from: string, to: string): string => `${cseq}|${from}|${to}`;

/**
 * Capture order, except that no response comes before its request. The edge captures each message in the
 * process that handles it, after sending or on receipt: a response received by one SIP worker can be stamped a
 * few microseconds before the request another worker has just sent. Such a response is moved to right after
 * its request (the request of a response from B to A with the same CSeq went from A to B).
 */
export function causalOrder<Entry extends LadderEntry>(entries: readonly Entry[]): Entry[] {
  const requests = new Set(
    entries.filter((e) => e.statusCode === null).map((e) => hop(e.cseq, e.source, e.destination)),
  );
  const seen = new Set<string>();
  const waiting = new Map<string, Entry[]>();
  const ordered: Entry[] = [];
  for (const entry of entries) {
    if (entry.statusCode === null) {
      const key = hop(entry.cseq, entry.source, entry.destination);
      ordered.push(entry);
      seen.add(key);
      ordered.push(...(waiting.get(key) ?? []));
      waiting.delete(key);
      continue;
    }
    const request = hop(entry.cseq, entry.destination, entry.source);
    if (requests.has(request) && !seen.has(request)) waiting.set(request, [...(waiting.get(request) ?? []), entry]);
    else ordered.push(entry);
  }
  return ordered;
}
