import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsNotEmpty, IsString, MaxDate, MaxLength } from 'class-validator';
import { NullableField } from '../../common/field.validators';
import { PageMetaDto } from '../../common/pagination';
import { NoControlCharacters } from '../../common/text.validators';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'production backend', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @NoControlCharacters()
  name!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The key stops working at this time (left out or null: never).',
  })
  @NullableField()
  @Type(() => Date)
  @IsDate()
  // Later dates (ISO 8601 years beyond 9999) reached the database as a 500.
  @MaxDate(new Date('9999-12-31T23:59:59.999Z'), { message: 'expiresAt must be before the year 10000' })
  expiresAt?: Date | null;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Public part of the key, shown in listings.' }) prefix!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: Date | null;
}

export class CreatedApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The secret key. Shown only in this response; store it now.' }) key!: string;
  @ApiProperty() prefix!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: Date | null;
}

export class ApiKeyPageDto extends PageMetaDto {
  @ApiProperty({ type: [ApiKeyDto] }) data!: ApiKeyDto[];
}
