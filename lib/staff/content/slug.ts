/** Lower-case ASCII words joined by "-": what customers see in the address of an article or announcement. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 200;

/** A slug from a title: accents dropped ("Configuración" -> "configuracion"), anything else a hyphen. */
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX - 8)
    .replace(/-+$/g, "");
}
