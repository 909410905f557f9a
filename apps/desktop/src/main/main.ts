import path from 'node:path';
import { app, BrowserWindow, ipcMain, net, protocol, session } from 'electron';
import { createInboxService } from '../service/inbox-service.js';
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, registerAppProtocol } from './app-protocol.js';
import { forwardPushes, registerIpc } from './ipc.js';
import { showNotifications } from './notifications.js';
import { createUnreadTray } from './tray.js';
import { createMainWindow } from './window.js';

// Bundled to dist/main/main.cjs beside dist/preload and dist/renderer (see scripts/build-electron.mjs).
const distDir = path.resolve(__dirname, '..');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

/** Electron glue only: the engine and its commands live in the same service the Node host runs. */
async function start() {
  const service = createInboxService({
    dataDir: app.getPath('userData'),
    mediaUrl: (id) => `${APP_ORIGIN}/media/${id}`,
    defaultServerUrl: process.env.SWITCHBOARD_SERVER_URL ?? 'http://127.0.0.1:3000',
  });
  let window: BrowserWindow | null = null;
  const current = () => window;

  registerAppProtocol(protocol, net, path.join(distDir, 'renderer'), service);
  // Anything else the page loads over http(s) gets the same policy.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, grant) =>
    grant(permission === 'notifications'),
  );
  registerIpc(ipcMain, service);
  forwardPushes(service, () => window?.webContents ?? null);
  showNotifications(service, current);

  await service.start();
  window = createMainWindow(path.join(distDir, 'preload/index.cjs'));
  window.on('closed', () => (window = null));
  createUnreadTray(service, current);

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (!window) {
      window = createMainWindow(path.join(distDir, 'preload/index.cjs'));
      window.on('closed', () => (window = null));
    }
  });
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopping) return;
    // Let the engine finish what it is writing to SQLite before the process ends.
    event.preventDefault();
    stopping = true;
    void service.stop().finally(() => app.quit());
  });
}

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error(error);
    app.exit(1);
  });
}
