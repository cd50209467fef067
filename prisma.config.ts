import 'dotenv/config';
import { defineConfig } from 'prisma/config';
import { migrationAdapter } from './prisma/migration-adapter';

// The Prisma CLI runs its WASM schema engine through a driver adapter: no engine binary
// has to be downloaded, so migrations work offline.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set (see .env.example)');
    return migrationAdapter(url);
  },
});
