/** Where a phone number's calls go: the type says what route.target names. */
export const ROUTE_TYPES = ['sip-user', 'client', 'application', 'sip-uri'] as const;
export type RouteType = (typeof ROUTE_TYPES)[number];

export const APPLICATION_ROUTE: RouteType = 'application';
