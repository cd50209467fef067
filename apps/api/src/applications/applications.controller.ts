import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AccountAuth, CurrentAccountId } from '../auth/auth.decorators';
import { type Page, PageQueryDto } from '../common/pagination';
import { ResourceIdPipe } from '../common/validation';
import { ApplicationsService } from './applications.service';
import {
  ApplicationDto,
  ApplicationPageDto,
  ApplicationSecretDto,
  CreateApplicationDto,
  CreatedApplicationDto,
  UpdateApplicationDto,
} from './dto/application.dto';

@ApiTags('Applications')
@AccountAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @ApiCreatedResponse({
    type: CreatedApplicationDto,
    description: 'The signing secret is shown only in this response.',
  })
  create(@CurrentAccountId() accountId: string, @Body() dto: CreateApplicationDto): Promise<CreatedApplicationDto> {
    return this.applications.create(accountId, dto);
  }

  @Get()
  @ApiOkResponse({ type: ApplicationPageDto })
  list(@CurrentAccountId() accountId: string, @Query() query: PageQueryDto): Promise<Page<ApplicationDto>> {
    return this.applications.list(accountId, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ApplicationDto })
  @ApiNotFoundResponse()
  get(@CurrentAccountId() accountId: string, @Param('id', ResourceIdPipe) id: string): Promise<ApplicationDto> {
    return this.applications.get(accountId, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ApplicationDto })
  @ApiNotFoundResponse()
  update(
    @CurrentAccountId() accountId: string,
    @Param('id', ResourceIdPipe) id: string,
    @Body() dto: UpdateApplicationDto,
  ): Promise<ApplicationDto> {
    return this.applications.update(accountId, id, dto);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Phone numbers are routed to the application: route them elsewhere first.' })
  delete(@CurrentAccountId() accountId: string, @Param('id', ResourceIdPipe) id: string): Promise<void> {
    return this.applications.delete(accountId, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Replace the signing secret; requests from now on are signed with the new one.' })
  @ApiOkResponse({ type: ApplicationSecretDto })
  @ApiNotFoundResponse()
  rotateSecret(
    @CurrentAccountId() accountId: string,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<ApplicationSecretDto> {
    return this.applications.rotateSecret(accountId, id);
  }
}
