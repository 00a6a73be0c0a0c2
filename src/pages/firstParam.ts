/** The first value of a search parameter that may repeat (`?search=a&search=b`). */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
