import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import globalSetup from '../harness/global-setup';

/** Builds the front end when web/dist is missing, then prepares the per-run database like the e2e project. */
export default async function webGlobalSetup(): Promise<void> {
  const root = join(__dirname, '..', '..');
  if (process.env.WEB_REBUILD === '1' || !existsSync(join(root, 'web', 'dist', 'kiosk', 'index.html'))) {
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
  }
  await globalSetup();
}
