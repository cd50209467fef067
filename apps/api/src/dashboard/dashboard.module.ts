import { Module } from '@nestjs/common';
import { DashboardAssets } from './dashboard-assets';
import { DashboardController } from './dashboard.controller';

@Module({
  controllers: [DashboardController],
  providers: [{ provide: DashboardAssets, useFactory: () => DashboardAssets.fromRepository() }],
})
export class DashboardModule {}
