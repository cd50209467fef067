import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { ReadinessService } from '@callwire/health';

/** The worker has no HTTP API; this tiny server answers GET /healthz for supervisors and `npm run up`. */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthServer.name);
  private readonly server: Server;

  constructor(
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    private readonly readiness: ReadinessService,
  ) {
    this.server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url !== '/healthz') {
        response.writeHead(404).end();
        return;
      }
      void this.readiness.check().then((readiness) => {
        response
          .writeHead(readiness.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' })
          .end(JSON.stringify(readiness));
      });
    });
  }

  /** The bound port (useful when WORKER_HEALTH_PORT=0). */
  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async onApplicationBootstrap(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.config.workerHealthPort, this.config.workerHealthHost, resolve);
    });
    this.logger.log(`health on http://${this.config.workerHealthHost}:${this.port}/healthz`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
