import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DtmfMode } from '@callwire/database';
import { OptionalField } from './field.validators';

export const DTMF_MODES = Object.values(DtmfMode);

const DESCRIPTION =
  'How this endpoint sends and receives DTMF digits on its leg of a call. `rfc4733`: telephone-events in the ' +
  'media (RFC 4733, also known as RFC 2833), what browsers and most phones and carriers use. `info`: SIP INFO ' +
  'requests (application/dtmf-relay or application/dtmf). When the two legs of a call differ the edge converts: ' +
  'an INFO becomes telephone-events toward the other side and telephone-events become INFO requests.';

const FIELD_DESCRIPTION = "DTMF on this endpoint's leg of a call: see the dtmf field of the resource.";

/** The mode as a request field (left out: the default, or unchanged on update). */
export function DtmfModeField(defaultMode?: DtmfMode): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      enum: DTMF_MODES,
      enumName: 'DtmfMode',
      default: defaultMode,
      description: FIELD_DESCRIPTION,
    }),
    OptionalField(),
    IsIn(DTMF_MODES, { message: `dtmf must be one of ${DTMF_MODES.join(', ')}` }),
  );
}

/** The mode as a response field. */
export function DtmfModeProperty(): PropertyDecorator {
  return ApiProperty({ enum: DTMF_MODES, enumName: 'DtmfMode', description: DESCRIPTION });
}
