import { identitySipUser } from '@callwire/client-token';

const SIP_SCHEME = /^sips?:/i;
const CLIENT_PREFIX = 'client:';

/** The domain of a SIP address: `sip:alice@acme.callwire.localhost;transport=ws` → `acme.callwire.localhost`. */
export function sipDomainOf(uri: string): string {
  const at = uri.lastIndexOf('@');
  const domain = at < 0 ? '' : uri.slice(at + 1).split(/[;?>]/)[0];
  if (!SIP_SCHEME.test(uri) || !domain) throw new Error(`Not a SIP address: ${uri}`);
  return domain;
}

/**
 * The SIP URI a call target stands for, in the caller's own domain unless it says otherwise:
 * - `sip:bob@example.com` (or `sips:`) is used as is;
 * - `client:bob` is the client identity `bob`: `sip:client.bob@<domain>`;
 * - `bob@example.com` gets the `sip:` scheme;
 * - `bob` is the SIP user `bob`: `sip:bob@<domain>`.
 */
export function targetToSipUri(target: string, domain: string): string {
  const trimmed = target.trim();
  if (!trimmed || /\s/.test(trimmed)) throw new Error(`Invalid call target: "${target}"`);
  if (SIP_SCHEME.test(trimmed)) return trimmed;
  if (trimmed.startsWith(CLIENT_PREFIX)) {
    const identity = trimmed.slice(CLIENT_PREFIX.length);
    if (!identity) throw new Error(`Invalid call target: "${target}" names no client identity`);
    return `sip:${identitySipUser(identity)}@${domain}`;
  }
  if (trimmed.includes('@')) return `sip:${trimmed}`;
  return `sip:${trimmed}@${domain}`;
}
