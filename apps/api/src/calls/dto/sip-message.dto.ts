import { ApiProperty } from '@nestjs/swagger';

export class SipMessageDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) capturedAt!: string;
  @ApiProperty({ description: 'Milliseconds since the first message of the call (microsecond precision).' })
  elapsedMs!: number;
  @ApiProperty({ example: '127.0.0.1:5080' }) source!: string;
  @ApiProperty({ example: '127.0.0.1:5060' }) destination!: string;
  @ApiProperty({ enum: ['udp', 'tcp', 'tls', 'ws', 'wss', 'sctp'] }) transport!: string;
  @ApiProperty({ nullable: true, type: String, example: 'INVITE' }) method!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: null }) statusCode!: number | null;
  @ApiProperty({ nullable: true, type: String, example: null }) reasonPhrase!: string | null;
  @ApiProperty({ example: '1 INVITE' }) cseq!: string;
  @ApiProperty({ description: 'The method of a request, or "<status> <reason>" of a response.', example: 'INVITE' })
  label!: string;
  @ApiProperty({ description: 'The whole message as the edge sent or received it.' }) raw!: string;
}

export class SipMessageListDto {
  @ApiProperty({ type: [SipMessageDto] }) data!: SipMessageDto[];
  @ApiProperty({ description: 'How long captured messages are kept (SIP_TRACE_RETENTION_HOURS).', example: 72 })
  retentionHours!: number;
}
