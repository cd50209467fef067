import { CLIENT_IDENTITY_PREFIX } from '@callwire/client-token';

/** SIP URI user parts we accept: letters, digits and `._~+-`, starting with a letter, digit or `+`. */
export const SIP_USER_PART_PATTERN = /^[A-Za-z0-9+][A-Za-z0-9._~+-]*$/;

/** Longest user part Kamailio's location table stores. */
export const MAX_SIP_USER_PART_LENGTH = 64;

/** Client identities are addressed as `client.<identity>`: SIP usernames may not take that prefix. */
export const RESERVED_USERNAME_PATTERN = new RegExp(`^(?!${CLIENT_IDENTITY_PREFIX.replace('.', '\\.')})`, 'i');

/** Longest client identity: `client.<identity>` is a SIP user part. */
export const MAX_CLIENT_IDENTITY_LENGTH = MAX_SIP_USER_PART_LENGTH - CLIENT_IDENTITY_PREFIX.length;
