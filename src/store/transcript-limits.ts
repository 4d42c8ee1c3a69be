/** Most transcript lines one response keeps; a turn that would pass it is refused whole. */
export const MAX_TRANSCRIPT_TURNS = 200;

/** Most customer text (UTF-8 bytes) one response keeps across its transcript. */
export const MAX_CUSTOMER_TEXT_BYTES = 64 * 1024;
