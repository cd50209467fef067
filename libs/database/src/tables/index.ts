import { AccountsRepository } from './accounts.repository';
import { ApiKeysRepository } from './api-keys.repository';
import { ApplicationsRepository } from './applications.repository';
import { CallsRepository } from './calls.repository';
import { CarriersRepository } from './carriers.repository';
import { ClientTokensRepository } from './client-tokens.repository';
import { DashboardSessionsRepository } from './dashboard-sessions.repository';
import { EdgeBlocksRepository } from './edge-blocks.repository';
import { LocationRepository } from './location.repository';
import { OutboundRoutesRepository } from './outbound-routes.repository';
import { PhoneNumbersRepository } from './phone-numbers.repository';
import { SipMessagesRepository } from './sip-messages.repository';
import { SipUsersRepository } from './sip-users.repository';

export * from './accounts.repository';
export * from './api-keys.repository';
export * from './applications.repository';
export * from './calls.repository';
export * from './carrier-gateways';
export * from './carriers.repository';
export * from './client-tokens.repository';
export * from './dashboard-sessions.repository';
export * from './edge-blocks.repository';
export * from './location.repository';
export * from './outbound-routes.repository';
export * from './phone-numbers.repository';
export * from './sip-messages.repository';
export * from './sip-users.repository';

/**
 * One repository per table (or per group of tables written together), the only code that touches them; both
 * apps use these. Prisma for plain reads and writes, the typed query builder (Sql) where SQL is needed.
 */
export const REPOSITORIES = [
  AccountsRepository,
  ApiKeysRepository,
  ApplicationsRepository,
  CallsRepository,
  CarriersRepository,
  ClientTokensRepository,
  DashboardSessionsRepository,
  EdgeBlocksRepository,
  LocationRepository,
  OutboundRoutesRepository,
  PhoneNumbersRepository,
  SipMessagesRepository,
  SipUsersRepository,
];
