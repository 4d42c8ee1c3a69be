import type { TurnContext } from 'botbuilder';
import { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { bearerToken } from '../../src/http/bearer-auth.js';
import { clientAddress } from '../../src/http/client-address.js';
import { directLineCors, type OriginPolicy } from '../../src/http/allowed-origins.js';
import type { ActivityStreams } from './activity-streams.js';
import { jsonBody } from '../../src/http/json-body.js';
import { ConversationFullError, type WebChatConversations } from './conversation-log.js';
import { checkPostedActivity } from './directline-activity.js';
import { refuse } from './directline-errors.js';
import { CONVERSATION_ID, newConversationId, type DirectLineTokens, type IssuedToken } from './directline-tokens.js';
import { TurnNotRunError, type WebChatAdapter } from './webchat-adapter.js';

export interface DirectLineRoutesOptions {
  adapter: WebChatAdapter;
  conversations: WebChatConversations;
  tokens: DirectLineTokens;
  runTurn: (context: TurnContext) => Promise<void>;
  origins: OriginPolicy;
  streams: ActivityStreams;
  /** Rate limits (after CORS, so a page on an allowed site can read the 429): token requests, and opening or posting to a conversation. */
  limits?: { tokens: RequestHandler; chat: RequestHandler };
  /** Told the client address of every new conversation (the flood caps count by it). */
  clients?: { remember(conversationId: string, address: string): Promise<void> };
}

const WATERMARK = /^\d{0,7}$/;

/** Body-parser's refusals (malformed JSON, too large) in Direct Line's error shape. */
const bodyErrors: ErrorRequestHandler = (error: { type?: string; status?: number }, _request, response, next) => {
  if (error.type === 'entity.too.large') return refuse(response, 413, 'request body is larger than 1 MB');
  if (error.type === 'entity.parse.failed') return refuse(response, 400, 'request body is not valid JSON');
  next(error);
};

/**
 * The part of Direct Line 3.0 that Web Chat uses: tokens, starting or resuming a conversation (with
 * a `streamUrl` for the WebSocket stream), posting an activity, reading activities after a
 * watermark (polling). Status codes and error bodies follow Direct Line, because the client acts on
 * them: 403 means "token expired", 404 "conversation ended".
 */
export function directLineRoutes(options: DirectLineRoutesOptions): Router {
  const router = Router();
  router.use(directLineCors(options.origins, (response, message) => refuse(response, 403, message)));
  if (options.limits) {
    // Before the body is read: a refused request costs no parsing.
    router.post(['/tokens/generate', '/tokens/refresh'], options.limits.tokens);
    router.post(['/conversations', '/conversations/:conversationId/activities'], options.limits.chat);
    router.get('/conversations/:conversationId', options.limits.chat);
  }
  router.use(jsonBody({ limit: '1mb' }));

  /** The live token of the request, or an answer already sent. */
  async function tokenOf(request: Request, response: Response): Promise<IssuedToken | undefined> {
    const token = bearerToken(request);
    if (token === undefined) return void refuse(response, 401, 'missing bearer token (get one from POST /v3/directline/tokens/generate)');
    const issued = await options.tokens.inspect(token);
    if (!issued) return void refuse(response, 403, 'token is invalid or expired', 'TokenExpired');
    return issued;
  }

  /** The token, when it may act on the conversation in the path; else an answer already sent. */
  async function conversationAccess(request: Request, response: Response): Promise<IssuedToken | undefined> {
    const issued = await tokenOf(request, response);
    if (!issued) return undefined;
    const conversationId = String(request.params.conversationId);
    if (!CONVERSATION_ID.test(conversationId) || !(await options.conversations.exists(conversationId))) {
      return void refuse(response, 404, 'unknown conversation');
    }
    if (conversationId !== issued.conversationId) return void refuse(response, 403, 'the token is for another conversation');
    return issued;
  }

  // Open to any page we let in: a survey asks nobody to sign in. The token is all a conversation needs.
  router.post('/tokens/generate', async (request, response) => {
    const conversationId = newConversationId();
    await options.clients?.remember(conversationId, clientAddress(request));
    response.json(await options.tokens.issue(conversationId));
  });

  // The old token stops working: a token copied once cannot be kept alive alongside the customer's.
  router.post('/tokens/refresh', async (request, response) => {
    const token = bearerToken(request);
    if (token === undefined) return refuse(response, 401, 'missing bearer token (get one from POST /v3/directline/tokens/generate)');
    const fresh = await options.tokens.rotate(token);
    if (!fresh) return refuse(response, 403, 'token is invalid or expired');
    response.json(fresh);
  });

  router.post('/conversations', async (request, response) => {
    const issued = await tokenOf(request, response);
    if (!issued) return;
    const opened = await options.conversations.open(issued.conversationId, new Date());
    response.status(opened ? 201 : 200).json({ ...issued, streamUrl: await options.streams.streamUrl(issued.conversationId, 0) });
  });

  // Direct Line's "reconnect": a page that reloads, or a client whose stream closed, names its conversation and watermark.
  router.get('/conversations/:conversationId', async (request, response) => {
    const watermark = typeof request.query.watermark === 'string' ? request.query.watermark : '';
    if (!WATERMARK.test(watermark)) return refuse(response, 400, 'watermark must be a number from an earlier answer');
    const issued = await tokenOf(request, response);
    if (!issued) return;
    if (request.params.conversationId !== issued.conversationId) return refuse(response, 403, 'the token is for another conversation');
    await options.conversations.open(issued.conversationId, new Date());
    response.json({ ...issued, streamUrl: await options.streams.streamUrl(issued.conversationId, Number(watermark || '0')) });
  });

  router.post('/conversations/:conversationId/activities', async (request, response) => {
    const issued = await conversationAccess(request, response);
    if (!issued) return;
    const verdict = checkPostedActivity(request.body);
    if (!verdict.ok) return refuse(response, 400, verdict.message);
    try {
      const id = await options.adapter.processActivity(issued.conversationId, verdict.activity, options.runTurn);
      response.json({ id });
    } catch (error) {
      if (error instanceof ConversationFullError) return refuse(response, 429, error.message);
      if (error instanceof TurnNotRunError) {
        response.setHeader('Retry-After', '1');
        return refuse(response, 503, 'the conversation is busy; send the activity again');
      }
      throw error;
    }
  });

  router.get('/conversations/:conversationId/activities', async (request, response) => {
    const watermark = typeof request.query.watermark === 'string' ? request.query.watermark : '';
    if (!WATERMARK.test(watermark)) return refuse(response, 400, 'watermark must be a number from an earlier answer');
    const token = bearerToken(request);
    if (token === undefined) return refuse(response, 401, 'missing bearer token (get one from POST /v3/directline/tokens/generate)');
    const conversationId = String(request.params.conversationId);
    const wellFormed = CONVERSATION_ID.test(conversationId);
    // Every open chat polls every second: token, conversation and page are read in one round trip,
    // and the page is sent only once the token is known to be for this conversation.
    const [issued, exists, page] = await Promise.all([
      options.tokens.inspect(token),
      wellFormed && options.conversations.exists(conversationId),
      wellFormed ? options.conversations.pageJson(conversationId, Number(watermark || '0')) : '',
    ]);
    if (!issued) return refuse(response, 403, 'token is invalid or expired', 'TokenExpired');
    if (!exists) return refuse(response, 404, 'unknown conversation');
    if (issued.conversationId !== conversationId) return refuse(response, 403, 'the token is for another conversation');
    response.type('json').send(page);
  });

  router.post('/conversations/:conversationId/upload', (_request, response) => refuse(response, 400, 'this survey accepts no attachments'));
  router.use((request, response) => refuse(response, 404, `no Direct Line route for ${request.method} ${request.path}`));
  router.use(bodyErrors);

  return router;
}
