import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import type { Principal } from '@callwire/auth';
import { ApiKeyAuthenticator } from './api-key-authenticator.service';

/** Passport strategy for `Authorization: Bearer <key>`, with the admin key or an account API key. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(private readonly authenticator: ApiKeyAuthenticator) {
    super();
  }

  async validate(token: string): Promise<Principal | false> {
    return (await this.authenticator.authenticate(token)) ?? false;
  }
}
