import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Four pages, one per face of the service; the NestJS app serves web/dist (src/modules/web).
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: {
      input: {
        migrant: `${root}index.html`,
        kiosk: `${root}kiosk/index.html`,
        employer: `${root}employer/index.html`,
        staff: `${root}staff/index.html`,
      },
    },
  },
});
