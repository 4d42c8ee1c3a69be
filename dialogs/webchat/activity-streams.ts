import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RedisClient } from '../../src/redis/redis-client.js';
import { WebSocket, WebSocketServer } from 'ws';
import { judgeOrigin, type OriginPolicy } from '../../src/http/allowed-origins.js';
import type { Logger } from '../../src/logging/logger.js';
import type { Keys } from '../../src/redis/keys.js';
import { PAGE_SIZE, type WebChatConversations } from './conversation-log.js';
import { directLineError, type DirectLineErrorCode } from './directline-errors.js';
import { CONVERSATION_ID } from './directline-tokens.js';
import { StreamTickets } from './stream-tickets.js';
import { duplicateClient } from '../../src/redis/connect.js';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;
/** A customer with the chat open in a few tabs; a further stream replaces the oldest. */
export const MAX_STREAMS_PER_CONVERSATION = 3;
/** Open streams one process keeps; past it a new one is refused with 503 and the client polls or retries. */
export const MAX_STREAMS = 5_000;
/** A stream whose client answers no ping within this long is closed (a phone that went away). */
const HEARTBEAT_MS = 30_000;

interface Stream {
  socket: WebSocket;
  conversationId: string;
  /** Position after the last activity sent. */
  watermark: number;
  pumping: boolean;
  again: boolean;
  alive: boolean;
}

export interface ActivityStreamsOptions {
  redis: RedisClient;
  keys: Keys;
  conversations: WebChatConversations;
  origins: OriginPolicy;
  logger: Logger;
}

function refuseUpgrade(socket: Duplex, status: number, code: DirectLineErrorCode, message: string): void {
  const body = JSON.stringify(directLineError(code, message));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function headerOf(request: IncomingMessage): (name: string) => string | undefined {
  return (name) => {
    const value = request.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
}

/**
 * Direct Line's WebSocket stream: `streamUrl` opens a socket on which every activity of the
 * conversation after the client's watermark arrives as an ActivitySet (`{activities, watermark}`),
 * the backlog first. Activities are still only in the conversation's Redis list; an append
 * publishes on the conversation's channel, and each instance reads the list from each of its
 * sockets' watermark, so a turn taken on any instance reaches a socket on any other.
 */
export class ActivityStreams {
  readonly tickets: StreamTickets;
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 1024, perMessageDeflate: false, clientTracking: false });
  private readonly byConversation = new Map<string, Set<Stream>>();
  /** Pub/sub channel → its conversation. */
  private readonly channels = new Map<string, string>();
  private subscriber: RedisClient | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private open = 0;
  private closed = false;

  constructor(private readonly options: ActivityStreamsOptions) {
    this.tickets = new StreamTickets(options.redis, options.keys);
  }

  /** A fresh streamUrl for the conversation, starting after `watermark`. */
  async streamUrl(conversationId: string, watermark: number): Promise<string> {
    const ticket = await this.tickets.issue({ conversationId, watermark });
    const base = this.options.origins.publicUrl.replace(/^http/, 'ws');
    return `${base}/v3/directline/conversations/${conversationId}/stream?t=${ticket}`;
  }

  /** Takes an HTTP upgrade for a stream path (accepting or refusing it) and answers true; any other path is left to the caller. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const conversationId = STREAM_PATH.exec(url.pathname)?.[1];
    if (conversationId === undefined) return false;
    socket.on('error', () => socket.destroy());
    this.accept(request, socket, head, conversationId, url.searchParams.get('t') ?? '').catch((error: unknown) => {
      this.options.logger.error({ err: error }, 'web chat stream could not be opened');
      refuseUpgrade(socket, 500, 'InternalError', 'the stream could not be opened; try again');
    });
    return true;
  }

  private async accept(request: IncomingMessage, socket: Duplex, head: Buffer, conversationId: string, ticketText: string): Promise<void> {
    if (judgeOrigin({ header: headerOf(request) }, this.options.origins) === 'refused') {
      return refuseUpgrade(socket, 403, 'Forbidden', 'this origin is not in WIDGET_ALLOWED_ORIGINS');
    }
    if (!CONVERSATION_ID.test(conversationId)) return refuseUpgrade(socket, 404, 'NotFound', 'unknown conversation');
    if (this.closed || this.open >= MAX_STREAMS) return refuseUpgrade(socket, 503, 'ServiceUnavailable', 'no stream can be opened right now; poll for activities instead');
    const ticket = await this.tickets.redeem(ticketText);
    if (!ticket || ticket.conversationId !== conversationId) {
      return refuseUpgrade(socket, 403, 'TokenExpired', 'this stream URL is unknown, used or expired: get a new one from GET /v3/directline/conversations/{conversationId}');
    }
    this.server.handleUpgrade(request, socket, head, (webSocket) => {
      this.start(webSocket, conversationId, ticket.watermark).catch((error: unknown) => {
        this.options.logger.warn({ err: error, conversation: conversationId }, 'web chat stream failed to start');
        webSocket.close(1011, 'stream failed to start');
      });
    });
  }

  private async start(socket: WebSocket, conversationId: string, watermark: number): Promise<void> {
    const stream: Stream = { socket, conversationId, watermark, pumping: false, again: false, alive: true };
    let streams = this.byConversation.get(conversationId);
    const first = streams === undefined;
    if (!streams) this.byConversation.set(conversationId, (streams = new Set()));
    if (streams.size >= MAX_STREAMS_PER_CONVERSATION) streams.values().next().value?.socket.close(4000, 'replaced by a newer stream');
    streams.add(stream);
    this.open += 1;
    this.startHeartbeat();
    this.options.logger.debug({ conversation: conversationId, watermark }, 'web chat stream opened');
    socket.on('pong', () => (stream.alive = true));
    // The client's keep-alives (empty messages) need no answer.
    socket.on('message', () => undefined);
    socket.on('error', () => socket.terminate());
    socket.once('close', () => this.forget(stream));
    // Subscribed before the backlog is read, so an activity appended in between is not missed.
    if (first) {
      const channel = this.options.keys.webChatActivityChannel(conversationId);
      this.channels.set(channel, conversationId);
      await this.channel().subscribe(channel);
    }
    this.pump(stream);
  }

  private forget(stream: Stream): void {
    const streams = this.byConversation.get(stream.conversationId);
    if (!streams?.delete(stream)) return;
    this.open -= 1;
    if (streams.size > 0) return;
    this.byConversation.delete(stream.conversationId);
    const channel = this.options.keys.webChatActivityChannel(stream.conversationId);
    this.channels.delete(channel);
    this.subscriber?.unsubscribe(channel).catch(() => undefined);
  }

  /** Sends whatever the stream has not had yet; one read at a time per stream, again if woken meanwhile. */
  private pump(stream: Stream): void {
    if (stream.pumping) {
      stream.again = true;
      return;
    }
    stream.pumping = true;
    const run = async (): Promise<void> => {
      do {
        stream.again = false;
        for (;;) {
          const page = await this.options.conversations.pageJson(stream.conversationId, stream.watermark);
          const next = Number(/"watermark":"(\d+)"\}$/.exec(page)?.[1] ?? stream.watermark);
          if (next <= stream.watermark || stream.socket.readyState !== WebSocket.OPEN) break;
          stream.socket.send(page);
          const read = next - stream.watermark;
          stream.watermark = next;
          if (read < PAGE_SIZE) break;
        }
      } while (stream.again && stream.socket.readyState === WebSocket.OPEN);
    };
    run()
      .catch((error: unknown) => this.options.logger.warn({ err: error, conversation: stream.conversationId }, 'web chat stream could not read the conversation'))
      .finally(() => (stream.pumping = false));
  }

  /** One subscriber connection per process, made when the first stream opens. */
  private channel(): RedisClient {
    if (this.subscriber) return this.subscriber;
    const subscriber = duplicateClient(this.options.redis, { enableOfflineQueue: true, maxRetriesPerRequest: null, enableAutoPipelining: false });
    subscriber.on('message', (channel: string) => {
      const conversationId = this.channels.get(channel);
      for (const stream of (conversationId && this.byConversation.get(conversationId)) || []) this.pump(stream);
    });
    // Announcements made while Redis was away are lost: after a reconnect, every stream reads again.
    subscriber.on('ready', () => {
      for (const streams of this.byConversation.values()) for (const stream of streams) this.pump(stream);
    });
    subscriber.on('error', (error: Error) => this.options.logger.warn({ err: error }, 'web chat stream subscriber: redis connection problem'));
    this.subscriber = subscriber;
    return subscriber;
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      for (const streams of this.byConversation.values()) {
        for (const stream of streams) {
          if (!stream.alive) {
            stream.socket.terminate();
            continue;
          }
          stream.alive = false;
          stream.socket.ping();
        }
      }
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Drops every stream (clients reconnect, to another instance if need be) and the subscriber connection. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const streams of this.byConversation.values()) for (const stream of streams) stream.socket.terminate();
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    await subscriber?.quit().catch(() => undefined);
  }
}
