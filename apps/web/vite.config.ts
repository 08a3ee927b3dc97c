import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

const config: UserConfig = {
  plugins: [react()],
  server: { port: 5173, proxy: { '/api': 'http://localhost:8080' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks: a portal release then re-downloads only the app code.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
              priority: 30,
            },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
};

/** The portal is served by the API server from `dist/`; in development Vite proxies `/api` to it. */
export default defineConfig(({ command }) => {
  // A build is always a production build, even when started from a test runner that set NODE_ENV=test
  // (Vite would then ship React's and antd's development code). Vite reads NODE_ENV after this file runs.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});
