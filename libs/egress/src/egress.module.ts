import { Module } from '@nestjs/common';
import { EgressHttp } from './egress-http';
import { EgressPolicy } from './egress-policy';

/** The egress policy and the fetch that enforces it (needs the global ConfigModule). */
@Module({ providers: [EgressPolicy, EgressHttp], exports: [EgressPolicy, EgressHttp] })
export class EgressModule {}
