import { Module } from '@nestjs/common';
import { ConfigModule } from '@callwire/config';
import { DatabaseModule } from '@callwire/database';
import { QueuesModule } from '@callwire/queues';
import { AccountSettingsModule } from './account-settings/account-settings.module';
import { AccountsModule } from './accounts/accounts.module';
import { AdminModule } from './admin/admin.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuthModule } from './auth/auth.module';
import { CallsModule } from './calls/calls.module';
import { CarriersModule } from './carriers/carriers.module';
import { ClientTokensModule } from './client-tokens/client-tokens.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { EdgeRoutingModule } from './edge-routing/edge-routing.module';
import { HealthModule } from './health/health.module';
import { LiveModule } from './live/live.module';
import { MetricsModule } from './metrics/metrics.module';
import { OutboundRoutesModule } from './outbound-routes/outbound-routes.module';
import { PhoneModule } from './phone/phone.module';
import { PhoneNumbersModule } from './phone-numbers/phone-numbers.module';
import { RateLimitsModule } from './rate-limits/rate-limits.module';
import { RegistrationsModule } from './registrations/registrations.module';
import { SessionsModule } from './sessions/sessions.module';
import { SipUsersModule } from './sip-users/sip-users.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    QueuesModule.forRoot(),
    RateLimitsModule,
    AuthModule,
    SessionsModule,
    AccountsModule,
    AccountSettingsModule,
    ApiKeysModule,
    SipUsersModule,
    ClientTokensModule,
    RegistrationsModule,
    CallsModule,
    WebhooksModule,
    CarriersModule,
    PhoneNumbersModule,
    ApplicationsModule,
    OutboundRoutesModule,
    EdgeRoutingModule,
    HealthModule,
    MetricsModule,
    PhoneModule,
    DashboardModule,
    LiveModule,
    AdminModule,
  ],
})
export class AppModule {}
