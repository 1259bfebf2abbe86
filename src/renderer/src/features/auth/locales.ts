import type { FeatureLocales } from '@renderer/lib/feature';

const en = {
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

const es: typeof en = {
  fields: {
    username: 'Usuario',
    displayName: 'Nombre visible',
    password: 'Contraseña',
    confirm: 'Repita la contraseña',
    currentPassword: 'Contraseña actual',
    newPassword: 'Contraseña nueva',
  },
  setup: {
    title: 'Crear el administrador',
    intro: 'Es el primer inicio de MSP Inventory. Cree la cuenta de administrador; podrá añadir los demás usuarios después.',
    usernameHint: 'Solo letras, dígitos y . _ @ -',
    passwordHint: 'Al menos 8 caracteres',
    loadDemo: 'Cargar datos de demostración (productos, ubicaciones y existencias de ejemplo)',
    loadDemoHint: 'Útil para probar la aplicación; no lo use para su inventario real.',
    demoNote: 'Los datos de demostración se añaden a esta base de datos junto con su administrador.',
    submit: 'Crear administrador',
  },
  login: {
    title: 'Iniciar sesión',
    submit: 'Iniciar sesión',
    demoHint: 'Base de datos de demostración: inicie sesión como admin con la contraseña admin y cámbiela antes de compartir la base de datos en la red.',
  },
  changePassword: {
    title: 'Cambiar contraseña',
    submit: 'Cambiar contraseña',
    done: 'Contraseña cambiada',
    wrongCurrent: 'La contraseña actual no es correcta',
  },
  demo: {
    title: 'Contraseña de demostración en uso',
    body: 'El administrador de demostración todavía tiene la contraseña pública «admin». Cámbiela (o desactive ese usuario) antes de compartir esta base de datos en la red; hasta entonces solo se puede abrir desde este equipo.',
    bodyUser: 'Un usuario de demostración todavía tiene una contraseña pública, por eso esta base de datos solo se puede abrir desde este equipo. Pida a un administrador que la cambie.',
    action: 'Cambiar mi contraseña',
    users: 'Gestionar usuarios',
    fold: 'Reducir a una línea',
    unfold: 'Ver qué hacer',
  },
};

export const authLocales: FeatureLocales = { namespace: 'auth', en, es };
