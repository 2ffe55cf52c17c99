import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, badRequest, conflict } from '../errors';
import * as repo from '../modules/idempotency/repo';
import {
  fingerprint,
  IDEMPOTENCY_ABANDON_SECONDS,
  IDEMPOTENCY_RETENTION_SECONDS,
  IDEMPOTENCY_RETRY_AFTER_SECONDS,
  isValidIdempotencyKey,
} from '../modules/idempotency/service';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
/** The headers of an answer that a replay repeats (the rest — CSP, cache — are set again per response). */
const KEPT_HEADERS = ['content-type', 'location'];

type Claim = repo.KeyRef & { owner: string; settled: boolean };

declare module 'fastify' {
  interface FastifyRequest {
    /** The Idempotency-Key this request holds, until its answer is stored or the key released. */
    idempotencyClaim?: Claim;
  }
}

/** The namespace a key lives in: one per landlord and actor (an API key, a staff user, a portal user for a customer). */
function actorOf(request: FastifyRequest): { landlordId: string; actor: string } | undefined {
  const { staff, tenant } = request;
  if (staff) return { landlordId: staff.landlordId, actor: staff.apiKey ? `key:${staff.apiKey.id}` : `staff:${staff.id}` };
  if (tenant) return { landlordId: tenant.landlordId, actor: `tenant:${tenant.id}:${tenant.customerId}` };
  return undefined;
}

/**
 * `Idempotency-Key` on every POST under /api/v1 by a signed-in actor (issue 10, §2; Stripe is the
 * model; decision 10I1). Runs as a preHandler — after the route's auth hooks (onRequest) and the
 * body's validation, before the handler — so a replay never runs the handler:
 * - the first request claims the key (one INSERT of its own) and runs; its answer (2xx or 4xx) is
 *   stored before it is sent, a 5xx releases the key so a retry runs again;
 * - the same key and request again: the stored answer, byte for byte, with `Idempotent-Replayed: true`;
 * - the same key with another method, path or body: 422 `idempotency_key_reused`;
 * - while the first still runs: 409 `idempotency_request_in_progress` with `Retry-After`.
 * Requests without an actor (sign-in, sign-up) and multipart uploads ignore the header.
 */
export const idempotencyPlugin = fp(
  async (app: FastifyInstance) => {
    const { db } = app;

    app.addHook('preHandler', async (request, reply) => {
      if (request.method !== 'POST' || !request.url.startsWith('/api/v1/')) return;
      const header = request.headers[IDEMPOTENCY_HEADER];
      if (header === undefined) return;
      const who = actorOf(request);
      if (!who) return;
      if (request.isMultipart()) return;
      const key = Array.isArray(header) ? undefined : header;
      if (key === undefined || !isValidIdempotencyKey(key)) throw badRequest('idempotency_key_invalid');

      const ref = { ...who, key };
      const print = fingerprint(request.method, request.url, request.body);
      const owner = randomUUID();
      // Two tries: a row swept or released between the claim and the read is claimed again.
      for (let attempt = 0; attempt < 2; attempt++) {
        const claimed = await repo.claim(db, {
          ...ref,
          owner,
          fingerprint: print,
          request: `${request.method} ${request.url}`.slice(0, 2000),
          retentionSeconds: IDEMPOTENCY_RETENTION_SECONDS,
          abandonSeconds: IDEMPOTENCY_ABANDON_SECONDS,
        });
        if (claimed) {
          request.idempotencyClaim = { ...ref, owner, settled: false };
          return;
        }
        const row = await repo.find(db, ref);
        if (!row) continue;
        if (row.fingerprint !== print) throw new AppError(422, 'idempotency_key_reused');
        if (row.state === 'in_progress') {
          reply.header('retry-after', String(IDEMPOTENCY_RETRY_AFTER_SECONDS));
          throw conflict('idempotency_request_in_progress');
        }
        return replay(reply, row);
      }
      reply.header('retry-after', String(IDEMPOTENCY_RETRY_AFTER_SECONDS));
      throw conflict('idempotency_request_in_progress');
    });

    // Stored before the answer leaves, so a client that has the answer finds it stored on a retry.
    app.addHook('onSend', async (request, reply, payload) => {
      const claim = request.idempotencyClaim;
      if (!claim || claim.settled) return payload;
      claim.settled = true;
      try {
        // No payload (a 204) is stored as empty text; a stream (not sent by any POST today) is not stored.
        const body =
          payload === undefined || payload === null
            ? ''
            : typeof payload === 'string'
              ? payload
              : Buffer.isBuffer(payload)
                ? payload.toString('utf8')
                : undefined;
        if (reply.statusCode >= 500 || body === undefined) await repo.release(db, claim);
        else {
          const headers: Record<string, string> = {};
          for (const name of KEPT_HEADERS) {
            const value = reply.getHeader(name);
            if (value !== undefined) headers[name] = String(value);
          }
          await repo.complete(db, claim, { status: reply.statusCode, headers, body });
        }
      } catch (err) {
        // The answer still goes out; the claim stays in progress until it counts as abandoned.
        request.log.warn({ err }, 'idempotency: answer not stored');
      }
      return payload;
    });

    // No answer was sent through onSend (the client went away): give the key back.
    app.addHook('onResponse', async (request) => {
      const claim = request.idempotencyClaim;
      if (!claim || claim.settled) return;
      claim.settled = true;
      await repo.release(db, claim).catch((err) => request.log.warn({ err }, 'idempotency: key not released'));
    });
  },
  { name: 'idempotency', dependencies: ['infra', 'errors'] },
);

function replay(reply: FastifyReply, row: repo.StoredKey) {
  for (const [name, value] of Object.entries(row.responseHeaders ?? {})) reply.header(name, value);
  reply.header(REPLAYED_HEADER, 'true');
  // A Buffer is sent as it is: no serialiser runs over the stored text.
  return reply.status(row.responseStatus ?? 200).send(Buffer.from(row.responseBody ?? '', 'utf8'));
}
