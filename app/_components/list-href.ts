export type ListQuery = Record<string, string | null | undefined>;

/**
 * A list page's URL with its query: empty values stay out (defaults are not written in the URL),
 * and a query left empty gives the bare path.
 */
export function listHref(path: string, query: ListQuery = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value) search.set(name, value);
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
