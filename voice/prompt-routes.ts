import { Router } from 'express';
import { PromptRecordings, RECORDING_TYPES } from './prompt-recordings.js';

/** Recordings change only with a deploy; Twilio and browsers may keep them for a day. */
const CACHE_SECONDS = 86_400;

/**
 * GET /voice/prompts/<lang>/<key>.<ext>: the prerecorded prompts <Play> names. Public like any
 * audio a caller hears (Twilio fetches them unsigned); only files listed at start-up are served.
 */
export function promptRoutes(recordings: PromptRecordings): Router {
  const router = Router();
  router.get('/:language/:file', (request, response) => {
    const recording = recordings.named(request.params.language, request.params.file);
    if (!recording) {
      response.status(404).type('text/plain').send('No such recorded prompt.');
      return;
    }
    response.sendFile(recording.path, {
      headers: { 'Content-Type': RECORDING_TYPES[recording.extension], 'Cache-Control': `public, max-age=${CACHE_SECONDS}`, 'X-Content-Type-Options': 'nosniff' },
      dotfiles: 'deny',
      lastModified: true,
    });
  });
  return router;
}
