export { callApi, setupAdmin, type Api } from './api';
export { auditPage, blockingViolations, describeViolations, expectAccessible, type A11yViolation } from './axe';
export { allowOnScreens, languages, launchBrowser, shot, artifactsDir, type Lang, type LaunchedBrowser } from './browser';
export { startServer, type RunningServer } from './server';
export { translator, type Translate } from './texts';
export * from './ui';
