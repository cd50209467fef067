import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { CallResource, CallStatusName } from '@callwire/calls';
import { PageMetaDto, PageQueryDto } from '../../common/pagination';

const CALL_STATUSES: CallStatusName[] = [
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'failed',
  'no-answer',
  'canceled',
];

export class CallQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CALL_STATUSES })
  @IsOptional()
  @IsIn(CALL_STATUSES)
  status?: CallStatusName;

  @ApiPropertyOptional({ description: 'Caller SIP URI, exact.', example: 'sip:alice@acme.callwire.localhost' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  from?: string;

  @ApiPropertyOptional({ description: 'Callee SIP URI, exact.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  to?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Calls started at or after this time.' })
  @IsOptional()
  @IsDateString()
  startedAfter?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Calls started before this time.' })
  @IsOptional()
  @IsDateString()
  startedBefore?: string;

  @ApiPropertyOptional({
    enum: ['asc', 'desc'],
    default: 'asc',
    description: 'asc: oldest first; desc: newest first (call history). Cursors continue in the same order.',
  })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export class CallDto implements CallResource {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The SIP Call-ID.' }) sipCallId!: string;
  @ApiProperty({ example: 'sip:alice@acme.callwire.localhost' }) from!: string;
  @ApiProperty({ example: 'sip:client.bob@acme.callwire.localhost' }) to!: string;
  @ApiProperty({ example: 'internal', description: 'internal: between endpoints of the account.' }) direction!: string;
  @ApiProperty({ enum: CALL_STATUSES }) status!: CallStatusName;
  @ApiProperty({ type: Number, nullable: true, description: 'Final SIP status (200 for an answered call).' })
  sipStatus!: number | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['caller', 'callee', 'edge'] }) hangupBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The caller's transport." }) transport!: string | null;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) ringingAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'From answer to end; 0 if never answered.' })
  durationMs!: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'opus',
    description:
      "The codec of the caller's leg (encoding name as in SDP: PCMU, PCMA, G722, opus, …), from the last answer " +
      'with SDP (183 early media or 200); null when none had SDP.',
  })
  callerCodec!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'PCMU',
    description: "The codec of the callee's leg: another than the caller's when the media is transcoded.",
  })
  calleeCodec!: string | null;
  @ApiPropertyOptional({
    example: '1234#',
    description:
      'The DTMF digits sent during the call by either side (RFC 4733 or SIP INFO), in order. Only for accounts ' +
      'that record DTMF (PATCH /v1/account-settings recordDtmf) and calls where a digit was sent while it was on.',
  })
  dtmfDigits?: string;
}

export class CallPageDto extends PageMetaDto {
  @ApiProperty({ type: [CallDto] }) data!: CallDto[];
}
