import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  type BlobInfo,
  CHUNK_SHA256_HEADER,
  createUploadRequestSchema,
  isBlobHash,
  presentRequestSchema,
} from '../../shared/blobs/protocol';
import { UUID_PATTERN } from '../../shared/ids';
import { PROTOCOL_HEADER } from '../../shared/sync/protocol';
import type { AppContext } from '../context';
import type { StoreOptions } from '../db/index';
import { isTripScope } from '../sync/access';
import { checkProtocol } from '../sync/version';
import { assertMayWriteTrip } from './access';
import { invalidHash, uploadNotFound } from './errors';
import { type BlobOptions, createBlobStore, resolveBlobSettings, scratchDir } from './options';
import { Scratch } from './scratch';
import { BlobService } from './service';
import { startSweeping } from './sweep';
import { type Answer, Uploads } from './uploads';

/**
 * The attachment endpoints (docs/attachments-server.md). Registered as an encapsulated plugin so its
 * "any content type is a byte stream" parser applies to these routes only; the rest of the API keeps
 * answering non-JSON bodies with 415.
 */
export type BlobRouteOptions = { store: StoreOptions; blobs?: BlobOptions };

const tripId = z.string().refine(isTripScope, { message: 'tripId must be a trip id (a UUID)' });
const index = z.coerce.number().int().min(0).max(1_000_000);

function hashParam(params: unknown): string {
  const hash = (params as { hash?: unknown }).hash;
  if (!isBlobHash(hash)) throw invalidHash();
  return hash;
}

function uploadIdParam(params: unknown): string {
  const id = (params as { uploadId?: unknown }).uploadId;
  if (typeof id !== 'string' || !UUID_PATTERN.test(id)) throw uploadNotFound();
  return id;
}

function contentLength(request: FastifyRequest): number | undefined {
  const header = request.headers['content-length'];
  return typeof header === 'string' && /^\d{1,15}$/.test(header) ? Number(header) : undefined;
}

/** The raw body stream (this plugin's parser hands bodies over unread); undefined without a body. */
function bodyStream(request: FastifyRequest): Readable | undefined {
  const body = request.body as unknown;
  return body && typeof (body as Readable).pipe === 'function' ? (body as Readable) : undefined;
}

function blobHeaders(reply: FastifyReply, blob: BlobInfo): FastifyReply {
  return (
    reply
      .header('content-type', blob.type)
      .header('content-length', String(blob.size))
      .header('etag', `"${blob.hash}"`)
      // The bytes of a hash never change; only who may fetch them does, hence private.
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
  );
}

const send = (reply: FastifyReply, answer: Answer) => reply.code(answer.status).send(answer.body);

export function registerBlobRoutes(app: FastifyInstance, ctx: AppContext, options: BlobRouteOptions): void {
  app.register(async (scope) => {
    const settings = resolveBlobSettings(options.store, options.blobs);
    const store = createBlobStore(settings);
    const blobs = new BlobService(
      ctx.db,
      store,
      new Scratch(scratchDir(settings)),
      settings,
      ctx.now,
      scope.log,
    );
    const uploads = new Uploads(blobs);
    scope.log.info({ blobs: store.description, maxBytes: settings.maxBytes }, 'blob store ready');

    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    const stopSweeping = startSweeping(blobs, uploads);
    scope.addHook('onClose', async () => {
      await stopSweeping();
      if (settings.temporary) await rm(settings.dir, { recursive: true, force: true });
    });

    /** Signed in, speaking a protocol we know, and allowed to add files to this trip. */
    const writer = async (request: FastifyRequest) => {
      checkProtocol(request.headers[PROTOCOL_HEADER]);
      const { user } = await ctx.authenticate(request);
      const params = request.params as { tripId?: unknown };
      const trip = tripId.parse(params.tripId);
      await assertMayWriteTrip(ctx.db, user, trip);
      return { user, tripId: trip };
    };

    scope.get('/blobs/limits', async (request) => {
      checkProtocol(request.headers[PROTOCOL_HEADER]);
      await ctx.authenticate(request);
      return blobs.limits();
    });

    scope.get('/blobs/:hash', { exposeHeadRoute: false }, async (request, reply) => {
      checkProtocol(request.headers[PROTOCOL_HEADER]);
      const { user } = await ctx.authenticate(request);
      const hash = hashParam(request.params);
      const etag = `"${hash}"`;
      const notModified = request.headers['if-none-match']?.split(/\s*,\s*/).includes(etag) ?? false;
      const { blob, bytes } = await blobs.read(user, hash, !notModified);
      if (!bytes) return reply.code(304).header('etag', etag).send();
      return blobHeaders(reply, blob).send(bytes.stream);
    });

    scope.head('/blobs/:hash', async (request, reply) => {
      checkProtocol(request.headers[PROTOCOL_HEADER]);
      const { user } = await ctx.authenticate(request);
      const { blob } = await blobs.read(user, hashParam(request.params), false);
      return blobHeaders(reply, blob).send();
    });

    scope.put('/trips/:tripId/blobs/:hash', async (request, reply) => {
      const { user, tripId } = await writer(request);
      const hash = hashParam(request.params);
      const answer = await blobs.putWhole(
        user,
        tripId,
        hash,
        request.headers['content-type'],
        contentLength(request),
        bodyStream(request),
      );
      return reply.code(answer.created ? 201 : 200).send(answer);
    });

    scope.post('/trips/:tripId/blobs/present', async (request) => {
      const { tripId } = await writer(request);
      const { hashes } = presentRequestSchema.parse(request.body);
      return { present: await blobs.present(tripId, hashes) };
    });

    scope.post('/trips/:tripId/blobs/:hash/uploads', async (request, reply) => {
      const { user, tripId } = await writer(request);
      const hash = hashParam(request.params);
      return send(
        reply,
        await uploads.create(user, tripId, hash, createUploadRequestSchema.parse(request.body)),
      );
    });

    scope.get('/trips/:tripId/blobs/:hash/uploads/:uploadId', async (request, reply) => {
      const { user, tripId } = await writer(request);
      return send(
        reply,
        await uploads.get(user, tripId, hashParam(request.params), uploadIdParam(request.params)),
      );
    });

    scope.delete('/trips/:tripId/blobs/:hash/uploads/:uploadId', async (request, reply) => {
      const { user, tripId } = await writer(request);
      return send(
        reply,
        await uploads.cancel(user, tripId, hashParam(request.params), uploadIdParam(request.params)),
      );
    });

    scope.put('/trips/:tripId/blobs/:hash/uploads/:uploadId/chunks/:index', async (request, reply) => {
      const { user, tripId } = await writer(request);
      const hash = hashParam(request.params);
      const uploadId = uploadIdParam(request.params);
      const chunk = index.parse((request.params as { index?: unknown }).index);
      const announced = request.headers[CHUNK_SHA256_HEADER];
      const answer = await uploads.putChunk(
        user,
        tripId,
        hash,
        uploadId,
        chunk,
        typeof announced === 'string' ? announced.trim().toLowerCase() : undefined,
        contentLength(request),
        bodyStream(request),
        CHUNK_SHA256_HEADER,
      );
      return send(reply, answer);
    });

    scope.post('/trips/:tripId/blobs/:hash/uploads/:uploadId/complete', async (request, reply) => {
      const { user, tripId } = await writer(request);
      return send(
        reply,
        await uploads.complete(user, tripId, hashParam(request.params), uploadIdParam(request.params)),
      );
    });
  });
}
