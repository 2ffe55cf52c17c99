import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** A document as a download, as the files routes serve one: the stored (sniffed) type, never rendered in our origin. */
export function sendDocumentFile(
  reply: FastifyReply,
  { file, stream }: { file: { filename: string; contentType: string; size: number }; stream: Readable },
) {
  return reply
    .type(file.contentType)
    .header('content-length', file.size)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(stream);
}
