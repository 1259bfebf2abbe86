import type { Translation } from '@renderer/lib/translation';
import type { en } from './en';

/** Spanish strings of sign-in and the session (namespace "auth"), typed against the English ones so a missing or extra key fails the type check. */
export const es: Translation<typeof en> = {
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
