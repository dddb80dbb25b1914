/** A short message (403, 404) a route answers with: never sniffed, never kept by a shared cache. */
export function plainTextResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" },
  });
}
