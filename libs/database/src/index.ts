export * from './database.module';
export * from './prisma.service';
export * from './database.probe';
export * from './errors';
export { Prisma } from './generated/client';
export type { Account, ApiKey, Call, ClientToken, DashboardSession, SipMessage, SipUser } from './generated/client';
export type { EdgeBlock } from './generated/client';
export type { WebhookDelivery, WebhookDeliveryState, WebhookEndpoint, WebhookEvent } from './generated/client';
export * from './uuidv7';
