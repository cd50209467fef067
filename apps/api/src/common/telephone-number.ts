/** An E.164 number: `+`, then up to 15 digits, the first not 0. */
export const E164_PATTERN = /^\+[1-9][0-9]{1,14}$/;

export const E164_MESSAGE = 'must be an E.164 number: + then up to 15 digits (e.g. +14155550100)';
