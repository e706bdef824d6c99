import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-quic', '--disable-gpu', '--disable-dev-shm-usage'],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /timing\.spec\.ts$/ },
    // Wall-clock timings run alone, after everything else (e2e/timing.spec.ts says why).
    {
      name: 'timing',
      use: { ...devices['Desktop Chrome'] },
      testMatch: /timing\.spec\.ts$/,
      dependencies: ['chromium'],
    },
  ],
  webServer: {
    // The same headers as `npm start` (serve.json: CSP, frame-ancestors, nosniff…), so every spec runs under them.
    command: `node node_modules/serve/build/main.js out -l ${port} --no-clipboard --no-port-switching --config ../serve.json`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
