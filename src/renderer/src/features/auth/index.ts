// What the shell uses of sign-in. The sign-in and first-start screens are imported by their own files
// (app/App.tsx): the first-start screen loads on demand, which a re-export here would defeat.
export { ChangePasswordModal } from './ChangePasswordModal';
export { DemoBanner } from './DemoBanner';
export { useAuthStatus, useLogout } from './api';
