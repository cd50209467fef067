import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { NullableField, OptionalField } from '../../common/field.validators';
import { PageMetaDto } from '../../common/pagination';
import { MAX_RESOURCE_NAME_LENGTH, ResourceName } from '../../common/text.validators';
import { IsHttpUrl, MAX_URL_LENGTH } from '../../common/url.validators';

const nameProperty: ApiPropertyOptions = { maxLength: MAX_RESOURCE_NAME_LENGTH, example: 'IVR' };
const voiceUrlProperty: ApiPropertyOptions = {
  maxLength: MAX_URL_LENGTH,
  example: 'https://example.com/callwire/voice',
  description:
    'Where each call is POSTed (signed with the signing secret); the JSON answer says what to do. Like every ' +
    'URL of an application, its host must be public unless the operator allows the network (EGRESS_ALLOWED_NETWORKS).',
};

/** The optional URLs, the same in create and update: null clears them. */
class ApplicationOptionalUrlsDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_URL_LENGTH,
    description: 'Asked when voiceUrl fails or does not answer in time.',
  })
  @NullableField()
  @IsHttpUrl()
  fallbackUrl?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_URL_LENGTH,
    description: "Where the call's status changes are POSTed.",
  })
  @NullableField()
  @IsHttpUrl()
  statusCallbackUrl?: string | null;
}

export class CreateApplicationDto extends ApplicationOptionalUrlsDto {
  @ApiProperty(nameProperty)
  @ResourceName()
  name!: string;

  @ApiProperty(voiceUrlProperty)
  @IsHttpUrl()
  voiceUrl!: string;
}

export class UpdateApplicationDto extends ApplicationOptionalUrlsDto {
  @ApiPropertyOptional(nameProperty)
  @OptionalField()
  @ResourceName()
  name?: string;

  @ApiPropertyOptional(voiceUrlProperty)
  @OptionalField()
  @IsHttpUrl()
  voiceUrl?: string;
}

export class ApplicationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() voiceUrl!: string;
  @ApiProperty({ type: String, nullable: true }) fallbackUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) statusCallbackUrl!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

const SIGNING_SECRET_EXAMPLE = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

export class CreatedApplicationDto extends ApplicationDto {
  @ApiProperty({
    example: SIGNING_SECRET_EXAMPLE,
    description: 'Signs the requests to the application (Standard Webhooks), shown only here and by rotate-secret.',
  })
  signingSecret!: string;
}

export class ApplicationSecretDto {
  @ApiProperty({ example: SIGNING_SECRET_EXAMPLE, description: 'Shown only in this response.' })
  signingSecret!: string;
}

export class ApplicationPageDto extends PageMetaDto {
  @ApiProperty({ type: [ApplicationDto] }) data!: ApplicationDto[];
}
