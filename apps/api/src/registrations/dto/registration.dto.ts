import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../../common/pagination';

export class RegistrationDto {
  @ApiProperty({ example: 'sip:alice@acme.callwire.localhost', description: 'Address of record.' })
  aor!: string;

  @ApiProperty({ example: 'sip:alice@192.0.2.10:5060;transport=udp', description: 'Contact the device registered.' })
  contact!: string;

  @ApiProperty({ enum: ['udp', 'tcp', 'tls', 'ws', 'wss'] })
  transport!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '192.0.2.10:5060',
    description: 'Where the REGISTER came from.',
  })
  sourceAddress!: string | null;

  @ApiProperty() userAgent!: string;

  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: Date;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Set when a SIP user registered.' })
  sipUserId!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Set when a client identity registered.' })
  identity!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The client token used, if any.' })
  clientTokenId!: string | null;
}

export class RegistrationPageDto extends PageMetaDto {
  @ApiProperty({ type: [RegistrationDto] }) data!: RegistrationDto[];
}
