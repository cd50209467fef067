import { randomBytes } from 'node:crypto';

/** A DNS hostname: dot-separated labels of letters, digits and inner hyphens. */
export const SIP_DOMAIN_PATTERN =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

const MAX_SLUG_LENGTH = 40;

/** "Acme Café, Inc." → "acme-cafe-inc"; falls back to "account" when nothing usable is left. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
  return slug || 'account';
}

/** `<slug>.<suffix>`, with a short random tag on retries after a collision. */
export function deriveSipDomain(name: string, suffix: string, attempt = 0): string {
  const slug = slugify(name);
  const tag = attempt === 0 ? '' : `-${randomBytes(3).toString('hex')}`;
  return `${slug}${tag}.${suffix}`;
}
