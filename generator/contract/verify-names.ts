/** Property names as written in generated code (`'a-b'` or `ab`), back to the spec's name. */
export function unquote(name: string): string {
  return /^['"]/.test(name) ? (JSON.parse(`"${name.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string) : name;
}
