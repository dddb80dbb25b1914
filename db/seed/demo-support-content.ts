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
  { key: "cpanel", slug: "cpanel", name: "cPanel", description: "Gestionar su alojamiento: archivos, bases de datos, copias y certificados.", sortOrder: 3 },
  { key: "billing", slug: "facturacion", name: "Facturación", description: "Facturas, formas de pago, renovaciones y datos fiscales.", sortOrder: 4 },
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
  {
    category: "email",
    slug: "correo-no-llega-spam",
    title: "Mis correos llegan a la carpeta de spam de los destinatarios",
    views: 731,
    helpfulYes: 64,
    helpfulNo: 11,
    body: [
      "Cuando los mensajes que envía acaban en la carpeta de correo no deseado, casi siempre falta alguno de los registros que demuestran que su dominio autoriza a nuestro servidor a enviar correo en su nombre.",
      [
        "- SPF: un registro TXT que indica qué servidores pueden enviar correo de su dominio.",
        "- DKIM: una firma que el servidor añade a cada mensaje.",
        "- DMARC: la política que deben aplicar los destinatarios cuando las dos comprobaciones anteriores fallan.",
      ].join("\n"),
      "En cPanel > Entregabilidad del correo electrónico verá el estado de cada registro y un botón «Reparar» que los crea por usted si su dominio usa nuestros servidores DNS.",
    ].join("\n\n"),
  },
  {
    category: "email",
    slug: "cuota-buzon-correo-lleno",
    title: "El buzón de correo está lleno: cómo ampliar la cuota",
    views: 388,
    helpfulYes: 4,
    helpfulNo: 1,
    body: [
      "Si un buzón alcanza su cuota, los mensajes nuevos se rechazan y el remitente recibe un aviso de buzón lleno.",
      [
        "1. Entre en cPanel > Cuentas de correo electrónico.",
        "2. Pulse «Administrar» junto a la cuenta.",
        "3. En «Almacenamiento asignado» escriba una cuota mayor o elija «Ilimitado» y guarde.",
      ].join("\n"),
      "También puede liberar espacio borrando desde el webmail los mensajes antiguos con adjuntos grandes y vaciando la papelera.",
    ].join("\n\n"),
  },
  {
    category: "dns",
    slug: "transferir-dominio",
    title: "Cómo transferir un dominio desde otro registrador",
    views: 529,
    helpfulYes: 58,
    helpfulNo: 7,
    body: [
      "Para traer a nuestra empresa un dominio registrado en otro proveedor necesita el código de autorización (EPP o AuthCode) y que el dominio esté desbloqueado.",
      [
        "1. Pida el código de autorización a su registrador actual y desbloquee el dominio.",
        "2. En el área de cliente, vaya a Dominios > Transferir un dominio y escriba el nombre.",
        "3. Introduzca el código de autorización y complete el pedido.",
      ].join("\n"),
      "La transferencia de un .com tarda hasta 5 días; la de un .es se completa normalmente en unas horas. La transferencia incluye un año de renovación.",
    ].join("\n\n"),
  },
  {
    category: "cpanel",
    slug: "acceder-a-cpanel",
    title: "Cómo acceder a cPanel",
    views: 2210,
    helpfulYes: 240,
    helpfulNo: 8,
    body: [
      "La forma más sencilla es entrar desde el área de cliente: Productos y servicios > Mis productos y servicios, elija el servicio y pulse «Acceder a cPanel». No necesita recordar ninguna contraseña.",
      "También puede entrar directamente en https://sudominio.es:2083 con el usuario y la contraseña de cPanel que figuran en el correo de bienvenida.",
      "Si ha olvidado la contraseña de cPanel, cámbiela desde la página del servicio con «Cambiar contraseña». No la confunda con la contraseña de acceso al área de cliente.",
    ].join("\n\n"),
  },
  {
    category: "cpanel",
    slug: "instalar-certificado-ssl",
    title: "Activar el certificado SSL gratuito de su web",
    views: 1187,
    helpfulYes: 133,
    helpfulNo: 10,
    body: [
      "Todos los planes incluyen certificados SSL gratuitos que se emiten y renuevan solos para cada dominio que apunte a nuestros servidores.",
      [
        "1. En cPanel, abra SSL/TLS Status.",
        "2. Marque los dominios sin certificado y pulse «Run AutoSSL».",
        "3. Espere unos minutos y recargue la página: el candado verde indica que el certificado está activo.",
      ].join("\n"),
      "Si el dominio aún no apunta a nuestros servidores, el certificado no puede emitirse: revise primero los servidores DNS.",
    ].join("\n\n"),
  },
  {
    category: "cpanel",
    slug: "copias-de-seguridad-cpanel",
    title: "Copias de seguridad: cómo descargar y restaurar su web",
    views: 845,
    helpfulYes: 91,
    helpfulNo: 6,
    body: [
      "Hacemos una copia de seguridad diaria de todos los alojamientos y guardamos las de los últimos 14 días.",
      "Para restaurar archivos, una base de datos o su correo de un día concreto, abra cPanel > JetBackup, elija la fecha y pulse «Restaurar». La web vuelve a ese estado en unos minutos.",
      "Si prefiere guardar una copia en su ordenador, use cPanel > Copia de seguridad > Descargar una copia de seguridad completa. Recibirá un correo cuando esté lista.",
    ].join("\n\n"),
  },
  {
    category: "cpanel",
    slug: "crear-base-de-datos-mysql",
    title: "Crear una base de datos MySQL y su usuario",
    views: 602,
    helpfulYes: 55,
    helpfulNo: 3,
    body: [
      "Muchas aplicaciones web (WordPress, PrestaShop, Joomla) necesitan una base de datos MySQL.",
      [
        "1. En cPanel, abra Asistente para bases de datos MySQL.",
        "2. Escriba el nombre de la base de datos y pulse «Siguiente paso».",
        "3. Cree un usuario con una contraseña segura.",
        "4. Marque «Todos los privilegios» y confirme.",
      ].join("\n"),
      "El servidor de la base de datos es siempre localhost. El nombre de la base de datos y del usuario llevan delante su usuario de cPanel (por ejemplo, ejemplot_tienda).",
    ].join("\n\n"),
  },
  {
    category: "billing",
    slug: "formas-de-pago",
    title: "¿Qué formas de pago aceptan?",
    views: 934,
    helpfulYes: 87,
    helpfulNo: 5,
    body: [
      "Puede pagar sus facturas con tarjeta de crédito o débito desde Facturación > Mis facturas, pulsando «Pagar ahora» en la factura.",
      "Si tiene varias facturas pendientes, use Facturación > Pago masivo para pagarlas todas de una vez con un solo cargo.",
      "También puede añadir saldo a su cuenta en Facturación > Añadir fondos: el crédito se aplica automáticamente a las siguientes facturas.",
    ].join("\n\n"),
  },
  {
    category: "billing",
    slug: "cambiar-datos-fiscales-factura",
    title: "Cambiar los datos fiscales que aparecen en mis facturas",
    views: 457,
    helpfulYes: 39,
    helpfulNo: 4,
    body: [
      "Las facturas se emiten con los datos de Cuenta > Mis datos: nombre o razón social, NIF y dirección postal.",
      "Los cambios se aplican a las facturas que se emitan a partir de ese momento. Una factura ya emitida es un documento legal y no puede modificarse; si necesita una factura rectificativa, abra un ticket al departamento de Facturación.",
    ].join("\n\n"),
  },
  {
    category: "billing",
    slug: "renovacion-automatica-servicios",
    title: "Cómo funcionan las renovaciones y los avisos de factura",
    views: 512,
    helpfulYes: 46,
    helpfulNo: 6,
    body: [
      "Catorce días antes del vencimiento de un servicio o dominio le enviamos la factura de renovación por correo electrónico.",
      "Tres días antes del vencimiento recibirá un recordatorio si sigue pendiente, y después del vencimiento, hasta tres avisos. Un alojamiento con la factura vencida puede suspenderse hasta que se pague.",
      "Si no desea renovar un servicio, solicite su cancelación desde la página del servicio antes de la fecha de vencimiento.",
    ].join("\n\n"),
  },
];

export const DOWNLOAD_CATEGORIES = [
  { key: "guides", name: "Guías y manuales", description: "Documentación para empezar con su alojamiento.", sortOrder: 1 },
  { key: "settings", name: "Ficheros de configuración", description: "Parámetros listos para copiar en sus programas.", sortOrder: 2 },
  { key: "clients", name: "Para clientes", description: "Documentación de sus planes contratados.", sortOrder: 3 },
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
