import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../../common/pagination';

export class EdgeBlockDto {
  @ApiProperty({ example: '203.0.113.7', description: 'The blocked source address.' }) ip!: string;
  @ApiProperty({ enum: ['auth-failures', 'flood', 'scanner'] }) reason!: string;
  @ApiProperty({ type: String, format: 'date-time' }) blockedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', description: 'The edge lifts the block by itself then.' })
  expiresAt!: Date;
}

export class EdgeBlockPageDto extends PageMetaDto {
  @ApiProperty({ type: [EdgeBlockDto] }) data!: EdgeBlockDto[];
}
