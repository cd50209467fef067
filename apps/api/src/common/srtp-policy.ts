import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { SrtpPolicy } from '@callwire/database';
import { OptionalField } from './field.validators';

export const SRTP_POLICIES = Object.values(SrtpPolicy);

const DESCRIPTION =
  "Media encryption (SDES-SRTP) on this endpoint's leg of a call. `off`: plain RTP only (the edge offers " +
  'RTP/AVP without crypto). `offer`: SRTP offered with a plain-RTP fallback (RTP/AVP with a=crypto, OSRTP), ' +
  'whatever the endpoint offers is accepted. `require`: RTP/SAVP only; a call it places offering plain RTP is ' +
  'refused with 488. The edge converts between SRTP and RTP (and to DTLS-SRTP for browsers) when the two legs differ.';

const FIELD_DESCRIPTION = "Media encryption on this endpoint's leg of a call: see the srtp field of the resource.";

/** The policy as a request field (left out: the default, or unchanged on update). */
export function SrtpPolicyField(defaultPolicy?: SrtpPolicy): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      enum: SRTP_POLICIES,
      enumName: 'SrtpPolicy',
      default: defaultPolicy,
      description: FIELD_DESCRIPTION,
    }),
    OptionalField(),
    IsIn(SRTP_POLICIES, { message: `srtp must be one of ${SRTP_POLICIES.join(', ')}` }),
  );
}

/** The policy as a response field. */
export function SrtpPolicyProperty(): PropertyDecorator {
  return ApiProperty({ enum: SRTP_POLICIES, enumName: 'SrtpPolicy', description: DESCRIPTION });
}
