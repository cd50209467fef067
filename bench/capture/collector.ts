/**
 * The worker's HEP collector (SipTraceCollector and its repository, unchanged) alone in a process, so that
 * bench:capture can measure its CPU apart from the rest of the worker. Settings from the environment like the
 * worker (DATABASE_URL, SIP_TRACE_COLLECTOR_PORT); SIGTERM flushes what is waiting and exits.
 */
import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import { loadConfig } from '../../libs/config/src';
import { PrismaService, SipMessagesRepository, createSql } from '../../libs/database/src';
import { SipTraceCollector } from '../../apps/worker/src/sip-trace/sip-trace.collector';

async function main(): Promise<void> {
  const config = loadConfig();
  const pool = new Pool({ connectionString: config.databaseUrl, max: 4 });
  const collector = new SipTraceCollector(config, new SipMessagesRepository(new PrismaService(pool), createSql(pool)));
  await collector.onApplicationBootstrap();
  process.stdout.write('collector ready\n');
  process.once('SIGTERM', () => {
    void collector
      .onApplicationShutdown()
      .then(() => pool.end())
      .then(() => process.exit(0));
  });
}

Logger.overrideLogger(['warn', 'error']);
void main();
