import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/**
 * One log line per request (issue 13 §4), written when the response is finished: method, masked
 * URL, route template, status, duration, the request id (`reqId`) and, once auth.ts knows the
 * actor, `landlordId` and `actor`. Fastify's "incoming request" line is kept at debug level.
 */
export class RequestLogController extends LogController {
  /** At debug only (LOG_LEVEL=debug): when a request reached the server, e.g. to see what was in flight at a crash. */
  override incomingRequest(request: FastifyRequest) {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const line = { req: request, res: reply, responseTime: Math.round(reply.elapsedTime) };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else if (reply.statusCode >= 500) reply.log.error(line, 'request completed');
    else reply.log.info(line, 'request completed');
  }
}
