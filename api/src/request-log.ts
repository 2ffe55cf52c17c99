import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/**
 * One log line per request (issue 13 §4), written when the response is finished: method, masked
 * URL, route template, status, duration, the request id (`reqId`) and, once auth.ts knows the
 * actor, `landlordId` and `actor`. Fastify's separate "incoming request" line is dropped.
 */
export class RequestLogController extends LogController {
  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const line = { req: request, res: reply, responseTime: Math.round(reply.elapsedTime) };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else if (reply.statusCode >= 500) reply.log.error(line, 'request completed');
    else reply.log.info(line, 'request completed');
  }
}
