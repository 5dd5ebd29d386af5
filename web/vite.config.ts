import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// Four pages, one per face of the service, as Preact components; the NestJS app serves web/dist
// (src/modules/web).
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [preact()],
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
