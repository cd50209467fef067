import { applyDecorators } from '@nestjs/common';
import { IsString, IsUrl, MaxLength } from 'class-validator';

export const MAX_URL_LENGTH = 2048;

/**
 * An absolute http:// or https:// URL that the platform calls, loopback and private addresses included
 * (receivers on the operator's own machine or network; production should use https).
 */
export function IsHttpUrl(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MaxLength(MAX_URL_LENGTH),
    IsUrl(
      {
        protocols: ['http', 'https'],
        require_protocol: true,
        require_tld: false,
        require_host: true,
        allow_underscores: true,
      },
      { message: ({ property }) => `${property} must be an absolute http:// or https:// URL` },
    ),
  );
}
