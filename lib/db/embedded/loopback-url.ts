/** The node-postgres URL of a database served on this machine's loopback (PGlite over its socket). */
export function loopbackUrl(port: number): string {
  return `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}
