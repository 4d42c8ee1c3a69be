/** How many times a question is asked in all before the survey ends politely. */
export const MAX_TRIES = 3;

/** Speech recognised with less confidence than this is asked again rather than stored. */
export const MIN_SPEECH_CONFIDENCE = 0.2;

/** Longest reason kept; anything after it is cut. */
export const MAX_REASON_LENGTH = 4000;

/** The opt-out key announced on calls. */
export const OPT_OUT_KEY = '*';

/** The key that starts the survey on a call the dialer placed. */
export const CONSENT_KEY = '1';
