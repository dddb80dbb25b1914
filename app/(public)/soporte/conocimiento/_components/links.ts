export const KB_PATH = "/soporte/conocimiento";
export const kbArticleHref = (slug: string) => `${KB_PATH}/${encodeURIComponent(slug)}`;
export const kbCategoryHref = (slug: string) => `${KB_PATH}/categoria/${encodeURIComponent(slug)}`;

/** Next hands dynamic segments over still percent-encoded in some cases; a bad escape is simply not found. */
export function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
}
