import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Every run gets a fresh data directory (SQLite file, setup link) so the
// suite always starts from an empty platform. Workers inherit these.
const dataDir = process.env.ONBOARD_E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'onboard-e2e-'));
process.env.ONBOARD_E2E_DATA_DIR = dataDir;
const port = Number(process.env.ONBOARD_E2E_PORT ?? 3100);
const smtpPort = Number(process.env.ONBOARD_E2E_SMTP_PORT ?? 2525);
const mailWebPort = Number(process.env.ONBOARD_E2E_MAIL_WEB_PORT ?? 2580);
process.env.ONBOARD_E2E_MAIL_API = `http://127.0.0.1:${mailWebPort}`;
const root = path.resolve(__dirname, '..');

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: [
    {
      command: `node node_modules/maildev/bin/maildev --ip 127.0.0.1 --smtp ${smtpPort} --web ${mailWebPort}`,
      url: `http://127.0.0.1:${mailWebPort}/email`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: path.join(root, 'target', 'debug', 'server'),
      url: `http://127.0.0.1:${port}/login`,
      reuseExistingServer: false,
      timeout: 60_000,
      cwd: root,
      env: {
        ONBOARD_DATA_DIR: dataDir,
        ONBOARD_LISTEN: `127.0.0.1:${port}`,
        ONBOARD_PUBLIC_URL: `http://127.0.0.1:${port}`,
        ONBOARD_SMTP_URL: `smtp://127.0.0.1:${smtpPort}?tls=none`,
        ONBOARD_DEMO: 'true',
        LEPTOS_SITE_ROOT: path.join(root, 'target', 'site'),
        LEPTOS_ENV: 'PROD',
        RUST_LOG: 'info,sqlx=warn',
      },
    },
  ],
});
