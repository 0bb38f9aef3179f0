import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// `npm run dev` proxies the API to a server started with `talentbridge serve` (port 8080 unless
// TB_API says otherwise); `npm run build` writes web/dist for `talentbridge serve --web web/dist`.
export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    // vue-i18n feature flags: Composition API only, no devtools in production builds.
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  server: {
    proxy: { '/api': process.env.TB_API ?? 'http://127.0.0.1:8080' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Element Plus and ECharts are large libraries; they are split into their own chunks.
    chunkSizeWarningLimit: 1000,
  },
});
