/** English strings of sign-in and the session (namespace "auth"): the source of truth for keys. */
export const en = {
  fields: {
    username: 'Username',
    displayName: 'Display name',
    password: 'Password',
    confirm: 'Repeat the password',
    currentPassword: 'Current password',
    newPassword: 'New password',
  },
  setup: {
    title: 'Create the administrator',
    intro: 'This is the first start of MSP Inventory. Create the administrator account; you can add the other users afterwards.',
    usernameHint: 'Letters, digits and . _ @ - only',
    passwordHint: 'At least 8 characters',
    loadDemo: 'Load demo data (sample products, locations, stock)',
    loadDemoHint: 'Useful to try the app; do not use it for your real inventory.',
    demoNote: 'The demo data is added to this database together with your administrator.',
    submit: 'Create administrator',
  },
  login: {
    title: 'Sign in',
    submit: 'Sign in',
    demoHint: 'Demo database: sign in as admin with the password admin, then change the password before sharing the database on the network.',
  },
  changePassword: {
    title: 'Change password',
    submit: 'Change password',
    done: 'Password changed',
    wrongCurrent: 'The current password is not correct',
  },
  demo: {
    title: 'Demo password in use',
    body: 'The demo administrator still has the public password “admin”. Change it (or deactivate that user) before sharing this database on the network; until then it can only be opened from this computer.',
    bodyUser: 'A demo user still has a public password, so this database can only be opened from this computer. Ask an administrator to change it.',
    action: 'Change my password',
    users: 'Manage users',
    fold: 'Fold to one line',
    unfold: 'Show what to do',
  },
};
