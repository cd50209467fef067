import 'dotenv/config';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@callwire/config';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp();
  await app.listen(config.port, config.host);
  Logger.log(`API listening on ${config.host}:${config.port} (${config.publicUrl})`, 'Callwire');
}

void main();
