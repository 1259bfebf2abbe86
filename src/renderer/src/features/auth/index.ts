export { SetupScreen } from './SetupScreen';
export { LoginScreen } from './LoginScreen';
export { ChangePasswordModal } from './ChangePasswordModal';
export { DemoBanner } from './DemoBanner';
export { useAuthStatus, useLogout } from './api';
