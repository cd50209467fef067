import { Module } from '@nestjs/common';
import { BrowserAssets } from './browser-assets.service';
import { PhoneController } from './phone.controller';

@Module({
  controllers: [PhoneController],
  providers: [{ provide: BrowserAssets, useFactory: () => BrowserAssets.fromRepository() }],
})
export class PhoneModule {}
