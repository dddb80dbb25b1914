import { daysFromToday, spanishDate } from "./dates";

// Public support content of the demo install. Bodies are plain text: paragraphs separated by a blank
// line, list items on lines starting with "- " or "1. ".

export function demoAnnouncements() {
  return [
    {
      slug: "mantenimiento-programado-srv02",
      daysAgo: 2,
      title: "Mantenimiento programado en el Servidor Madrid 02",
      summary: `El ${spanishDate(daysFromToday(3))} entre las 02:00 y las 04:00 actualizaremos el sistema del servidor srv02.`,
      body: [
        `El ${spanishDate(daysFromToday(3))}, entre las 02:00 y las 04:00 (hora peninsular), realizaremos una actualización del sistema operativo y del kernel del Servidor Madrid 02 (srv02.example-hosting.es).`,
        "Durante la ventana de mantenimiento las webs y el correo alojados en este servidor pueden no estar disponibles durante unos minutos. Los mensajes de correo que lleguen en ese tiempo no se pierden: los servidores de origen los reintentarán automáticamente.",
        "Puede seguir el estado de la intervención en Soporte > Estado de los servidores. Si tiene cualquier duda, abra un ticket al departamento de Soporte técnico.",
      ].join("\n\n"),
    },
    {
      slug: "php-8-4-disponible",
      daysAgo: 18,
      title: "PHP 8.4 ya disponible en todos los planes",
      summary: "Ya puede elegir PHP 8.4 desde el selector de versiones de PHP de cPanel.",
      body: [
        "Desde hoy PHP 8.4 está disponible en todos nuestros planes de alojamiento. Puede activarlo por dominio desde cPanel > Seleccionar versión de PHP.",
        "Antes de cambiar la versión de una web en producción le recomendamos comprobar que su CMS y sus plugins son compatibles. WordPress 6.7 o superior funciona sin cambios.",
        "Las versiones 7.4 y 8.0 dejarán de estar disponibles dentro de seis meses; le avisaremos por correo con antelación si alguno de sus servicios las usa.",
      ].join("\n\n"),
    },
    {
      slug: "nuevos-discos-nvme",
      daysAgo: 47,
      title: "Migramos todos los planes a discos NVMe sin coste",
      summary: "Las webs cargan hasta tres veces más rápido tras la migración a almacenamiento NVMe.",
      body: [
        "Hemos completado la migración de todos los servidores de alojamiento compartido a almacenamiento NVMe. Los clientes no tienen que hacer nada: la migración ya se ha realizado y el precio de su plan no cambia.",
        "En nuestras pruebas, el tiempo de respuesta de una tienda WooCommerce típica ha bajado de 780 ms a 240 ms, y las copias de seguridad se completan en la mitad de tiempo.",
        "Gracias por confiar en Hosting Ejemplo.",
      ].join("\n\n"),
    },
  ];
}

export const KB_CATEGORIES = [
  { key: "email", slug: "correo-electronico", name: "Correo electrónico", description: "Configurar cuentas de correo en ordenadores y móviles.", sortOrder: 1 },
  { key: "dns", slug: "dominios-y-dns", name: "Dominios y DNS", description: "Apuntar dominios, registros DNS y propagación.", sortOrder: 2 },
] as const;

export const KB_ARTICLES: { category: (typeof KB_CATEGORIES)[number]["key"]; slug: string; title: string; views: number; helpfulYes: number; helpfulNo: number; body: string }[] = [
  {
    category: "email",
    slug: "configurar-correo-outlook",
    title: "Cómo configurar su cuenta de correo en Outlook",
    views: 1843,
    helpfulYes: 212,
    helpfulNo: 9,
    body: [
      "Antes de empezar, cree la cuenta de correo en cPanel > Cuentas de correo electrónico y tenga a mano su contraseña.",
      [
        "1. Abra Outlook y vaya a Archivo > Agregar cuenta.",
        "2. Escriba su dirección de correo completa (por ejemplo, info@sudominio.es), pulse Opciones avanzadas y marque «Permitirme configurar manualmente mi cuenta».",
        "3. Elija IMAP.",
        "4. Correo entrante: servidor mail.sudominio.es, puerto 993, cifrado SSL/TLS.",
        "5. Correo saliente: servidor mail.sudominio.es, puerto 465, cifrado SSL/TLS.",
        "6. Escriba la contraseña de la cuenta y pulse Conectar.",
      ].join("\n"),
      "El nombre de usuario es siempre la dirección de correo completa. Si Outlook avisa de que el certificado no coincide, use como servidor el nombre del servidor de su plan (por ejemplo, srv01.example-hosting.es), que figura en el correo de bienvenida.",
    ].join("\n\n"),
  },
  {
    category: "email",
    slug: "configurar-correo-movil",
    title: "Configurar el correo en el móvil (iPhone y Android)",
    views: 976,
    helpfulYes: 101,
    helpfulNo: 6,
    body: [
      "En iPhone: Ajustes > Mail > Cuentas > Añadir cuenta > Otra > Añadir cuenta de correo. En Android (Gmail): Ajustes > Añadir cuenta > Otra.",
      [
        "- Tipo de cuenta: IMAP.",
        "- Servidor de correo entrante: mail.sudominio.es, puerto 993 con SSL.",
        "- Servidor de correo saliente: mail.sudominio.es, puerto 465 con SSL, con autenticación.",
        "- Usuario: la dirección de correo completa.",
      ].join("\n"),
      "Si usa el correo en varios dispositivos, elija siempre IMAP: los mensajes se quedan en el servidor y verá lo mismo en el móvil y en el ordenador.",
    ].join("\n\n"),
  },
  {
    category: "dns",
    slug: "apuntar-dominio-a-hosting",
    title: "Cómo apuntar un dominio a su alojamiento",
    views: 1402,
    helpfulYes: 158,
    helpfulNo: 12,
    body: [
      "Hay dos formas de apuntar un dominio registrado en otro proveedor a su plan de alojamiento.",
      "Opción 1, cambiar los servidores DNS (recomendada): en el panel de su registrador, sustituya los servidores DNS por ns1.example-hosting.es y ns2.example-hosting.es. Así gestionamos nosotros toda la zona y el correo funcionará sin más pasos.",
      "Opción 2, mantener sus DNS actuales: cree un registro A para el dominio y otro para www con la IP de su servidor (figura en Mis productos y servicios > Información general) y, si va a usar nuestro correo, un registro MX hacia mail.sudominio.es.",
      "Si el dominio está registrado con nosotros, puede cambiar los servidores DNS desde Dominios > Mis dominios > Gestionar dominio > Servidores DNS.",
    ].join("\n\n"),
  },
  {
    category: "dns",
    slug: "propagacion-dns",
    title: "¿Cuánto tarda en propagarse un cambio de DNS?",
    views: 655,
    helpfulYes: 73,
    helpfulNo: 4,
    body: [
      "Un cambio de servidores DNS puede tardar entre 4 y 48 horas en verse en todo el mundo, porque cada proveedor de Internet guarda en caché la respuesta anterior durante el tiempo (TTL) que esta indicaba.",
      "Un cambio de un registro dentro de la zona (A, MX, CNAME) tarda como mucho el TTL del registro: 1 hora con nuestros valores por defecto.",
      "Para comprobar desde su ordenador qué responde cada servidor, use en una terminal: nslookup sudominio.es ns1.example-hosting.es",
    ].join("\n\n"),
  },
  {
    category: "dns",
    slug: "registros-mx-google-workspace",
    title: "Usar Google Workspace o Microsoft 365 con su dominio",
    views: 412,
    helpfulYes: 47,
    helpfulNo: 5,
    body: [
      "Si su correo lo gestiona Google Workspace o Microsoft 365 pero la web sigue en nuestro alojamiento, solo tiene que cambiar los registros MX de la zona DNS.",
      [
        "1. En cPanel, abra Editor de zona y elija el dominio.",
        "2. Elimine el registro MX que apunta a mail.sudominio.es.",
        "3. Añada los registros MX que le indique su proveedor de correo, con sus prioridades.",
        "4. Añada el registro TXT de verificación y el registro SPF que le facilite el proveedor.",
      ].join("\n"),
      "En cPanel > Enrutamiento del correo electrónico, marque «Intercambiador de correo remoto» para que nuestro servidor no intente entregar localmente los mensajes de su dominio.",
    ].join("\n\n"),
  },
];

export const DOWNLOAD_CATEGORIES = [
  { key: "guides", name: "Guías y manuales", description: "Documentación para empezar con su alojamiento.", sortOrder: 1 },
  { key: "settings", name: "Ficheros de configuración", description: "Parámetros listos para copiar en sus programas.", sortOrder: 2 },
] as const;

export const MAIL_SETTINGS_TEXT = [
  "Hosting Ejemplo - Parámetros de correo electrónico",
  "==================================================",
  "",
  "Usuario ............ su dirección de correo completa (p. ej. info@sudominio.es)",
  "Contraseña ......... la de la cuenta de correo creada en cPanel",
  "",
  "Correo entrante (IMAP)",
  "  Servidor ......... mail.sudominio.es",
  "  Puerto ........... 993",
  "  Cifrado .......... SSL/TLS",
  "",
  "Correo entrante (POP3)",
  "  Servidor ......... mail.sudominio.es",
  "  Puerto ........... 995",
  "  Cifrado .......... SSL/TLS",
  "",
  "Correo saliente (SMTP)",
  "  Servidor ......... mail.sudominio.es",
  "  Puerto ........... 465 (SSL/TLS) o 587 (STARTTLS)",
  "  Autenticación .... obligatoria, mismo usuario y contraseña",
  "",
  "Webmail ............ https://webmail.sudominio.es",
  "",
].join("\r\n");

export const QUICK_START_LINES = [
  "1. Acceda a cPanel desde Productos y servicios > Mis productos y servicios.",
  "2. Cree sus cuentas de correo en cPanel > Cuentas de correo electrónico.",
  "3. Instale WordPress u otro CMS con Softaculous en dos clics.",
  "4. Apunte su dominio a ns1.example-hosting.es y ns2.example-hosting.es.",
  "5. Active el certificado SSL gratuito en cPanel > SSL/TLS Status.",
  "",
  "¿Necesita ayuda? Abra un ticket en Soporte > Abrir ticket.",
  "Soporte técnico: soporte@example-hosting.es - +34 910 123 456",
];
