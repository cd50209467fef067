import { applyDecorators } from '@nestjs/common';
import { isIP } from 'node:net';
import { IsString, IsUrl, MaxLength } from 'class-validator';
import type { EgressPolicy } from '@callwire/egress';
import { type FieldError, ValidationProblemException } from './problem';

export const MAX_URL_LENGTH = 2048;

/**
 * An absolute http:// or https:// URL that the platform calls (production should use https). Whether its
 * host may be called is the egress policy's question: assertAllowedDestinations.
 */
export function IsHttpUrl(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MaxLength(MAX_URL_LENGTH),
    IsUrl(
      {
        protocols: ['http', 'https'],
        require_protocol: true,
        require_tld: false,
        require_host: true,
        allow_underscores: true,
      },
      { message: ({ property }) => `${property} must be an absolute http:// or https:// URL` },
    ),
  );
}

/** A host the platform will connect to, and the request field it came from. */
export interface Destination {
  readonly field: string;
  readonly host: string;
}

/** The host of a URL field as fetch will read it (`0x7f000001` is 127.0.0.1); none when the field is unset. */
export function urlDestination(field: string, url: string | null | undefined): Destination[] {
  return url ? [{ field, host: new URL(url).hostname }] : [];
}

const INTERNAL_ADDRESS = 'must not be a loopback, private, link-local or other internal address';
const UNREACHABLE_NAME = 'must be a host name that resolves to public addresses only';

/**
 * Refuses (400, one error per field) destinations the egress policy does not allow, when a resource is saved;
 * the worker checks again when it connects. Names are resolved (a bounded wait). A name that does not resolve
 * and one that resolves to an internal address get the same message: the answer tells nothing about the
 * platform's network.
 */
export async function assertAllowedDestinations(
  policy: EgressPolicy,
  destinations: readonly Destination[],
): Promise<void> {
  const checks = await Promise.all(destinations.map(({ host }) => policy.checkHost(host)));
  const errors: FieldError[] = destinations.flatMap(({ field, host }, index) => {
    if (checks[index] === 'allowed') return [];
    const literal = isIP(host.replace(/^\[(.*)\]$/, '$1')) !== 0;
    return [{ field, message: `${field} ${literal ? INTERNAL_ADDRESS : UNREACHABLE_NAME}` }];
  });
  if (errors.length > 0) throw new ValidationProblemException(errors);
}
