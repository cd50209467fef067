import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { CallwireConfig } from '@callwire/config';
import { PrismaService } from '@callwire/database';
import { AppModule } from '../../apps/api/src/app.module';
import { HTTP_APP_OPTIONS, completeApiApp, createApiAdapter } from '../../apps/api/src/bootstrap';
import { type AppSettings, compileWithConfig, configWith } from './app-settings';
import { OpenApiValidator } from './openapi-validator';

export interface JsonResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly contentType: string;
  readonly headers: Headers;
  readonly body: T;
}

/**
 * The real API app on an ephemeral loopback port, with a tiny fetch-based client. Every response must match
 * the app's own OpenAPI document (status, content type, body schema): a mismatch throws and fails the test.
 */
export class ApiHarness {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly baseUrl: string,
    readonly openApi: OpenApiValidator,
    /** The settings this API runs with. */
    readonly config: CallwireConfig,
  ) {}

  /** `settings`: this API's own, e.g. `{ SIP_WSS_PORT: String(edge.wssPort) }` (the run's environment below). */
  static async start(settings: AppSettings = {}): Promise<ApiHarness> {
    const config = configWith(settings);
    const moduleRef = await compileWithConfig(AppModule, config);
    const app = completeApiApp(
      moduleRef.createNestApplication<NestFastifyApplication>(createApiAdapter(config), {
        logger: false,
        ...HTTP_APP_OPTIONS,
      }),
    );
    await app.listen(0, '127.0.0.1');
    const baseUrl = await app.getUrl();
    return new ApiHarness(app, baseUrl, await OpenApiValidator.load(baseUrl), config);
  }

  get adminKey(): string {
    return this.config.adminApiKey;
  }

  get prisma(): PrismaService {
    return this.app.get(PrismaService);
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { key?: string; body?: unknown; rawBody?: string; contentType?: string } = {},
  ): Promise<JsonResponse<T>> {
    const headers: Record<string, string> = {};
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const parsed = contentType.includes('json') && text ? (JSON.parse(text) as T) : (text as T);
    const mismatches = this.openApi.check(method, path.split('?')[0] ?? path, response.status, contentType, parsed);
    if (mismatches.length > 0) {
      throw new Error(`Response does not match /openapi.json:\n${mismatches.join('\n')}\n${text.slice(0, 2000)}`);
    }
    return { status: response.status, contentType, headers: response.headers, body: parsed };
  }

  /** An account with one API key: the usual starting point of account-scoped tests. */
  async createTenant(name: string): Promise<{ accountId: string; sipDomain: string; key: string }> {
    const account = await this.request<{ id: string; sipDomain: string }>('POST', '/v1/accounts', {
      key: this.adminKey,
      body: { name },
    });
    if (account.status !== 201) throw new Error(`account: ${account.status} ${JSON.stringify(account.body)}`);
    const apiKey = await this.request<{ key: string }>('POST', `/v1/accounts/${account.body.id}/api-keys`, {
      key: this.adminKey,
      body: { name: 'test' },
    });
    if (apiKey.status !== 201) throw new Error(`api key: ${apiKey.status} ${JSON.stringify(apiKey.body)}`);
    return { accountId: account.body.id, sipDomain: account.body.sipDomain, key: apiKey.body.key };
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

/** Asserts the RFC 9457 shape and returns the body for further checks. */
export function expectProblem(response: JsonResponse<unknown>, status: number): Record<string, unknown> {
  expect(response.status).toBe(status);
  expect(response.contentType).toMatch(/^application\/problem\+json/);
  expect(response.body).toEqual(
    expect.objectContaining({
      type: expect.any(String),
      title: expect.any(String),
      status,
      instance: expect.any(String),
    }),
  );
  return response.body as Record<string, unknown>;
}
