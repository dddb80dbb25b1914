type FormValue = string | Blob | readonly (string | Blob)[] | undefined;

/**
 * The FormData a browser would post for these fields: a list is one entry per item (checkboxes, a
 * multi-select), undefined leaves the field out, a File keeps its name.
 */
export function form(values: Record<string, FormValue>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  }
  return data;
}
