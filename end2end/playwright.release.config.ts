import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The optimised release (`scripts/release`: wasm-opt 116, precompressed
// brotli and gzip, hashed names) as a visitor's browser gets it: the
// release server on a fresh database with the demo tree and one platform
// admin, created before it starts.
const dataDir = process.env.ONBOARD_E2E_RELEASE_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'onboard-release-'));
const port = Number(process.env.ONBOARD_E2E_RELEASE_PORT ?? 3200);
const root = path.resolve(__dirname, '..');
const server = path.join(root, 'target', 'release', 'server');
export const RELEASE_ADMIN = { email: 'release@exemple.fr', password: 'une longue phrase de la version' };

export default defineConfig({
  testDir: './release',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: `"${server}" create-admin --email ${RELEASE_ADMIN.email} > /dev/null && exec "${server}"`,
    url: `http://127.0.0.1:${port}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
    cwd: root,
    env: {
      ONBOARD_DATA_DIR: dataDir,
      ONBOARD_ADMIN_PASSWORD: RELEASE_ADMIN.password,
      ONBOARD_LISTEN: `127.0.0.1:${port}`,
      ONBOARD_PUBLIC_URL: `http://127.0.0.1:${port}`,
      ONBOARD_DEMO: 'true',
      LEPTOS_SITE_ROOT: path.join(root, 'target', 'site'),
      LEPTOS_ENV: 'PROD',
      RUST_LOG: 'warn',
    },
  },
});
