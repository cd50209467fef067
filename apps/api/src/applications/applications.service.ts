import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { type ApplicationRecord, ApplicationsRepository, PhoneNumbersRepository } from '@callwire/database';
import { EgressPolicy } from '@callwire/egress';
import { encryptSecret, generateWebhookSecret } from '@callwire/webhooks';
import { type Page, type PageQueryDto, toPage, toPageRequest } from '../common/pagination';
import { ConflictProblemException, NotFoundProblemException, ProblemException, problem } from '../common/problem';
import { type Destination, assertAllowedDestinations, urlDestination } from '../common/url.validators';
import { APPLICATION_ROUTE } from '../phone-numbers/routes';
import type {
  ApplicationDto,
  ApplicationSecretDto,
  CreateApplicationDto,
  CreatedApplicationDto,
  UpdateApplicationDto,
} from './dto/application.dto';

/** The URLs the platform will call, as far as the request sets them. */
function urlDestinations(dto: CreateApplicationDto | UpdateApplicationDto): Destination[] {
  return [
    ...urlDestination('voiceUrl', dto.voiceUrl),
    ...urlDestination('fallbackUrl', dto.fallbackUrl),
    ...urlDestination('statusCallbackUrl', dto.statusCallbackUrl),
  ];
}

function toDto(application: ApplicationRecord): ApplicationDto {
  return {
    id: application.id,
    name: application.name,
    voiceUrl: application.voiceUrl,
    fallbackUrl: application.fallbackUrl,
    statusCallbackUrl: application.statusCallbackUrl,
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
  };
}

/**
 * Applications decide, over HTTP, what happens to the calls routed to them. Their signing secrets are
 * webhook secrets (`whsec_…`), stored encrypted the same way.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    private readonly applications: ApplicationsRepository,
    private readonly phoneNumbers: PhoneNumbersRepository,
    private readonly egress: EgressPolicy,
  ) {}

  async create(accountId: string, dto: CreateApplicationDto): Promise<CreatedApplicationDto> {
    await assertAllowedDestinations(this.egress, urlDestinations(dto));
    const signingSecret = generateWebhookSecret();
    const application = await this.applications.create(accountId, {
      name: dto.name,
      voiceUrl: dto.voiceUrl,
      fallbackUrl: dto.fallbackUrl ?? null,
      statusCallbackUrl: dto.statusCallbackUrl ?? null,
      secretEncrypted: this.encrypt(signingSecret),
    });
    return { ...toDto(application), signingSecret };
  }

  async list(accountId: string, query: PageQueryDto): Promise<Page<ApplicationDto>> {
    const page = toPageRequest(query);
    return toPage(await this.applications.list(accountId, page), page, toDto);
  }

  async get(accountId: string, id: string): Promise<ApplicationDto> {
    const application = await this.applications.findById(accountId, id);
    if (!application) throw new NotFoundProblemException('Application');
    return toDto(application);
  }

  async update(accountId: string, id: string, dto: UpdateApplicationDto): Promise<ApplicationDto> {
    if (Object.values(dto).every((value) => value === undefined)) {
      throw new ProblemException(
        problem(HttpStatus.BAD_REQUEST, 'Nothing to update: send name, voiceUrl, fallbackUrl or statusCallbackUrl.'),
      );
    }
    await assertAllowedDestinations(this.egress, urlDestinations(dto));
    const application = await this.applications.update(accountId, id, {
      name: dto.name,
      voiceUrl: dto.voiceUrl,
      fallbackUrl: dto.fallbackUrl,
      statusCallbackUrl: dto.statusCallbackUrl,
    });
    if (!application) throw new NotFoundProblemException('Application');
    return toDto(application);
  }

  /** 409 while phone numbers are routed to it: route them elsewhere first. */
  async delete(accountId: string, id: string): Promise<void> {
    const routing = await this.phoneNumbers.countRoutedTo(accountId, APPLICATION_ROUTE, id);
    if (routing > 0) {
      throw new ConflictProblemException(
        `The application is the route of ${routing} phone number(s): route them elsewhere first.`,
      );
    }
    if (!(await this.applications.delete(accountId, id))) throw new NotFoundProblemException('Application');
  }

  /** A new secret at once: requests from now on are signed with it (the old one stops working). */
  async rotateSecret(accountId: string, id: string): Promise<ApplicationSecretDto> {
    const signingSecret = generateWebhookSecret();
    const application = await this.applications.update(accountId, id, { secretEncrypted: this.encrypt(signingSecret) });
    if (!application) throw new NotFoundProblemException('Application');
    return { signingSecret };
  }

  private encrypt(secret: string): Buffer {
    return encryptSecret(this.config.webhooks.encryptionKey, secret);
  }
}
