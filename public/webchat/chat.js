// Customer web chat: the official Web Chat bundle on this service's Direct Line endpoint, receiving
// over its WebSocket stream, or by polling when a WebSocket cannot be opened (a proxy that drops
// upgrades, say). The conversation id and token live in sessionStorage, so a reload mid-survey
// picks up where it was.
(function () {
  'use strict';

  var STORAGE_KEY = 'survey-webchat:v1';
  var DIRECT_LINE = window.location.origin + '/v3/directline';
  var LOCALES = { en: 'en-US', es: 'es-ES', de: 'de-DE', fr: 'fr-FR', hu: 'hu-HU', lt: 'lt-LT', fa: 'fa-IR' };
  // Persian is written right to left: the page and Web Chat turn round when the survey speaks it.
  var RIGHT_TO_LEFT = { fa: true };
  // The survey answers in the language it settled on; Arabic script in its words means Persian here.
  var PERSIAN_SCRIPT = /[\u0600-\u06FF]/;
  // exp and sig: the link's signature (see docs/webchat.md); the server checks it, and treats
  // every identity field of a link without a valid one as unverified.
  var FIELDS = ['customerName', 'customerId', 'agentName', 'agentId', 'campaignId', 'language', 'exp', 'sig'];
  // A stream not open by then counts as failed: the chat falls back to polling.
  var STREAM_OPEN_TIMEOUT_MS = 5000;
  var nonce = document.currentScript && document.currentScript.nonce;
  var statusLine = document.getElementById('chat-status');
  var container = document.getElementById('webchat');

  function setStatus(text) {
    statusLine.textContent = text;
    statusLine.hidden = !text;
  }

  // Personalisation arrives in the fragment (never sent to the server, so never in a log):
  // /#customerName=Ana&agentName=Sam&language=es&exp=…&sig=…. The widget builds it from its data-* attributes.
  function personalisation() {
    var params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    var survey = {};
    FIELDS.forEach(function (field) {
      var value = (params.get(field) || (field === 'language' ? params.get('lang') : '') || '').trim();
      if (value) survey[field] = value.slice(0, 100);
    });
    return survey;
  }

  function load() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) || 'null');
      return saved && typeof saved.conversationId === 'string' && typeof saved.token === 'string' ? saved : null;
    } catch (error) {
      return null;
    }
  }

  function save(session) {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch (error) {
      // Storage off (private mode): the chat works, a reload starts over.
    }
  }

  // A 429 (the service is shedding a flood) is tried again after its Retry-After, a few times.
  async function post(path, token) {
    for (var attempt = 1; ; attempt += 1) {
      var response = await fetch(DIRECT_LINE + path, {
        method: 'POST',
        headers: token ? { Authorization: 'Bearer ' + token } : {},
        credentials: 'omit',
      });
      if (response.status !== 429 || attempt >= 4) return response;
      var seconds = Math.min(10, Math.max(1, Number(response.headers.get('Retry-After')) || 1));
      await new Promise(function (resolve) { window.setTimeout(resolve, seconds * 1000); });
    }
  }

  function randomId() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (byte) { return ('0' + byte.toString(16)).slice(-2); }).join('');
  }

  // The saved conversation with a fresh token, or a new conversation when there is none (or it expired).
  async function openSession() {
    var saved = load();
    if (saved) {
      var refreshed = await post('/tokens/refresh', saved.token);
      if (refreshed.ok) {
        var body = await refreshed.json();
        if (body.conversationId === saved.conversationId) {
          saved.token = body.token;
          saved.resumed = true;
          save(saved);
          return saved;
        }
      }
    }
    var generated = await post('/tokens/generate');
    if (!generated.ok) throw new Error('the survey service refused to start a chat (' + generated.status + ')');
    var fresh = await generated.json();
    var session = { conversationId: fresh.conversationId, token: fresh.token, userId: 'customer-' + randomId(), started: false, survey: personalisation(), resumed: false };
    save(session);
    return session;
  }

  // The browser's WebSocket, watched: one that is refused, or closes or stalls before it opens, calls onFailure.
  function watchedWebSocket(Native, onFailure) {
    function Watched(url, protocols) {
      var socket;
      try {
        socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
      } catch (error) {
        onFailure();
        throw error;
      }
      var opened = false;
      var timer = window.setTimeout(function () {
        if (!opened) {
          onFailure();
          socket.close();
        }
      }, STREAM_OPEN_TIMEOUT_MS);
      socket.addEventListener('open', function () {
        opened = true;
        window.clearTimeout(timer);
      });
      socket.addEventListener('close', function () {
        window.clearTimeout(timer);
        if (!opened) onFailure();
      });
      return socket;
    }
    Watched.CONNECTING = Native.CONNECTING;
    Watched.OPEN = Native.OPEN;
    Watched.CLOSING = Native.CLOSING;
    Watched.CLOSED = Native.CLOSED;
    return Watched;
  }

  // Web Chat's createDirectLine passes no WebSocket of our own on, and DirectLineJS takes the global
  // one when it is made: so the global is the watched one just for that moment.
  function createDirectLine(options, onStreamFailure) {
    var Native = window.WebSocket;
    if (options.webSocket) window.WebSocket = watchedWebSocket(Native, onStreamFailure);
    try {
      return window.WebChat.createDirectLine(options);
    } finally {
      window.WebSocket = Native;
    }
  }

  function start(session) {
    var streaming = session.transport !== 'polling' && typeof window.WebSocket === 'function';
    var options = { domain: DIRECT_LINE, webSocket: streaming, token: session.token };
    if (session.resumed) options.conversationId = session.conversationId;
    var superseded = false;
    var directLine = createDirectLine(options, function () {
      if (superseded) return;
      superseded = true;
      // Polling reads the conversation again from its start, so nothing said meanwhile is lost.
      session.transport = 'polling';
      session.resumed = true;
      session.token = directLine.token || session.token;
      save(session);
      directLine.end();
      start(session);
    });

    var store = window.WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          var result = next(action);
          if (superseded) return result;
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            setStatus('');
            if (!session.started) {
              // The bot opens the survey on this event; channelData.survey personalises it.
              session.started = true;
              save(session);
              api.dispatch({
                type: 'DIRECT_LINE/POST_ACTIVITY',
                meta: { method: 'code' },
                payload: { activity: { type: 'event', name: 'startSurvey', channelData: { survey: session.survey } } },
              });
            }
          } else if (action.type === 'DIRECT_LINE/CONNECT_REJECTED' || action.type === 'DIRECT_LINE/DISCONNECT_FULFILLED') {
            setStatus('The chat lost its connection. Reload the page to continue.');
          } else if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && !rightToLeft && isPersianReply(action.payload && action.payload.activity, session.userId)) {
            // The language came from the person's first words, not the page: turn round now.
            rightToLeft = true;
            setLanguage('fa');
            window.setTimeout(render, 0);
          } else if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && directLine.token && directLine.token !== session.token) {
            // Direct Line refreshes its token every 15 minutes; keep the newest for the next reload.
            session.token = directLine.token;
            save(session);
          }
          return result;
        };
      };
    });

    var code = session.survey.language && session.survey.language.slice(0, 2).toLowerCase();
    var language = code && LOCALES[code];
    var rightToLeft = !!(code && RIGHT_TO_LEFT[code]);
    if (language) setLanguage(code);
    render();

    function render() {
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          store: store,
          userID: session.userId,
          locale: rightToLeft ? LOCALES.fa : language || navigator.language || 'en-US',
          dir: rightToLeft ? 'rtl' : 'auto',
          nonce: nonce,
          styleOptions: {
            hideUploadButton: true,
            suggestedActionLayout: 'flow',
            suggestedActionHeight: 44,
            suggestedActionBorderRadius: 8,
            bubbleBorderRadius: 12,
            bubbleFromUserBorderRadius: 12,
            bubbleMaxWidth: 560,
            accent: '#0a5ea8',
            sendBoxHeight: 48,
            rootHeight: '100%',
            rootWidth: '100%',
          },
        },
        container,
      );
    }
  }

  function setLanguage(code) {
    document.documentElement.lang = code;
    document.documentElement.dir = RIGHT_TO_LEFT[code] ? 'rtl' : 'ltr';
  }

  function isPersianReply(activity, userId) {
    return !!(activity && activity.type === 'message' && activity.from && activity.from.id !== userId && typeof activity.text === 'string' && PERSIAN_SCRIPT.test(activity.text));
  }

  // In the widget's frame, Escape closes the widget (key presses in a frame never reach the host page).
  if (document.body.classList.contains('embedded') && window.parent !== window) {
    window.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !event.defaultPrevented) window.parent.postMessage({ type: 'survey-widget:close' }, '*');
    });
  }

  // This script runs before the Web Chat bundle (the page lists it first): the token is fetched
  // while the bundle still loads, and Web Chat starts once the document, bundle included, is in.
  var opening = openSession().then(
    function (session) {
      return { session: session };
    },
    function (error) {
      return { error: error };
    },
  );
  window.addEventListener('DOMContentLoaded', function () {
    if (!window.WebChat) {
      setStatus('The chat could not load. Please reload the page.');
      return;
    }
    opening.then(function (opened) {
      if (opened.session) return start(opened.session);
      setStatus('The survey is not available right now. Please try again later.');
      window.console.error(opened.error);
    });
  });
})();
