// Phone simulator: drives the real voice flow through /simulator/calls and plays its TwiML back as
// captions. Keys behave as on a phone under Twilio's <Gather>: # sends what was keyed, and so does
// silence for the gather's timeout after a key.
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var setupForm = $('setup');
  var callButton = $('call');
  var callState = $('call-state');
  var captions = $('captions');
  var keyed = $('keyed');
  var sayForm = $('say-form');
  var sayInput = $('say');
  var sayButton = $('say-button');
  var silenceButton = $('silence');
  var hangupButton = $('hangup');
  var storedLine = $('stored');
  var twimlBox = $('twiml');
  var keys = Array.prototype.slice.call(document.querySelectorAll('#keypad .key'));
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrfHeaders = csrfMeta ? { 'X-CSRF-Token': csrfMeta.getAttribute('content') } : {};

  var call = null; // { callSid, next }
  var buffer = '';
  var keyTimer = null;
  var busy = false;

  function api(path, body) {
    return fetch('/simulator/calls' + path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, csrfHeaders),
      body: JSON.stringify(body || {}),
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) throw new Error(json.error || 'request failed (' + response.status + ')');
        return json;
      });
    });
  }

  // Persian reads right to left; other survey languages left to right.
  var RIGHT_TO_LEFT = { fa: true };

  function caption(who, text, kind, language) {
    var item = document.createElement('li');
    item.className = kind;
    var speaker = document.createElement('span');
    speaker.className = 'speaker';
    // The page's own words stay English and left to right inside Persian captions.
    speaker.lang = 'en';
    speaker.dir = 'ltr';
    speaker.textContent = who + ': ';
    item.appendChild(speaker);
    var words = document.createElement('span');
    words.className = 'words';
    words.dir = 'auto';
    if (language) words.lang = language;
    words.textContent = text;
    item.appendChild(words);
    captions.appendChild(item);
    item.scrollIntoView({ block: 'nearest' });
    return item;
  }

  // A <Play>: the recording the caller hears, played here from the same URL path (this origin serves it).
  function recording(url, language) {
    var item = caption('Survey', '(recording)', 'bot recording', 'en');
    item.lang = language || '';
    var player = document.createElement('audio');
    player.controls = true;
    player.preload = 'auto';
    player.src = new URL(url, window.location.href).pathname;
    item.appendChild(player);
    var played = player.play();
    if (played && played.catch) played.catch(function () { /* autoplay refused: the controls stay */ });
  }

  // The captions show what the call says: in Persian they read right to left (the page's own English stays as it is).
  function setCallLanguage(code) {
    captions.lang = code;
    captions.dir = RIGHT_TO_LEFT[code] ? 'rtl' : 'ltr';
  }

  function describeStored(stored) {
    if (!stored) return '';
    var parts = ['Stored' + (stored.test ? ' as a test response' : '') + ': status ' + stored.status.replace('_', ' ')];
    if (stored.score !== null) parts.push('score ' + stored.score);
    if (stored.reason) parts.push('reason "' + stored.reason + '"');
    return parts.join(', ') + '.';
  }

  function setControls() {
    var gathering = !!(call && call.next && call.next.kind === 'gather') && !busy;
    keys.forEach(function (key) { key.disabled = !gathering; });
    var speech = gathering && call.next.input === 'speech';
    sayInput.disabled = !speech;
    sayButton.disabled = !speech;
    silenceButton.disabled = !gathering;
    hangupButton.disabled = !call || !call.next || call.next.kind !== 'gather' || busy;
    callButton.disabled = busy || !!(call && call.next && call.next.kind === 'gather');
  }

  function play(turn) {
    call = { callSid: turn.callSid, next: turn.next };
    turn.captions.forEach(function (said) {
      var language = said.language ? said.language.slice(0, 2) : captions.lang;
      if (said.audio) recording(said.audio, language);
      else caption('Survey', said.text, 'bot', language);
    });
    twimlBox.textContent = turn.twiml;
    storedLine.textContent = describeStored(turn.stored);
    if (turn.next.kind === 'gather') {
      callState.textContent = turn.next.input === 'speech'
        ? 'Listening: say your answer (or key * to opt out).'
        : 'Waiting for keys: key your answer, then # (or wait ' + turn.next.timeoutSeconds + ' s after a key).';
    } else {
      callState.textContent = 'The survey hung up. Call ended.';
    }
  }

  function failed(error) {
    callState.textContent = 'Error: ' + error.message;
  }

  function run(promise) {
    busy = true;
    setControls();
    return promise.then(play, failed).then(function () {
      busy = false;
      setControls();
    });
  }

  function answer(input, shown) {
    if (!call || !call.next || call.next.kind !== 'gather') return;
    clearTimeout(keyTimer);
    buffer = '';
    keyed.textContent = '';
    if (shown) caption('Caller', shown, 'caller', 'en');
    input.action = call.next.action;
    run(api('/' + encodeURIComponent(call.callSid) + '/answer', input));
  }

  function press(key) {
    if (!call || !call.next || call.next.kind !== 'gather' || busy) return;
    if (key === call.next.finishOnKey) {
      answer({ digits: buffer }, buffer ? 'keyed ' + buffer + key : 'keyed ' + key);
      return;
    }
    buffer += key;
    keyed.textContent = buffer;
    clearTimeout(keyTimer);
    var pending = buffer;
    keyTimer = setTimeout(function () { answer({ digits: pending }, 'keyed ' + pending + ' (then silence)'); }, call.next.timeoutSeconds * 1000);
  }

  setupForm.addEventListener('submit', function (event) {
    event.preventDefault();
    captions.textContent = '';
    storedLine.textContent = '';
    callState.textContent = 'Calling…';
    setCallLanguage($('language').value);
    run(api('', {
      language: $('language').value,
      customerName: $('customer-name').value,
      agentName: $('agent-name').value,
    })).then(function () {
      if (call) $('phone').focus();
    });
  });

  keys.forEach(function (button) {
    button.addEventListener('click', function () { press(button.getAttribute('data-key')); });
  });

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (/^[0-9*#]$/.test(event.key) && call && call.next && call.next.kind === 'gather') {
      event.preventDefault();
      press(event.key);
    }
  });

  sayForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = sayInput.value.trim();
    if (!text) return;
    sayInput.value = '';
    answer({ speech: text }, 'said "' + text + '"');
  });

  silenceButton.addEventListener('click', function () { answer({}, '(silence)'); });

  hangupButton.addEventListener('click', function () {
    if (!call) return;
    clearTimeout(keyTimer);
    busy = true;
    setControls();
    api('/' + encodeURIComponent(call.callSid) + '/hangup').then(function (result) {
      call.next = { kind: 'hangup' };
      callState.textContent = 'You hung up. Call ended.';
      storedLine.textContent = describeStored(result.stored);
    }, failed).then(function () {
      busy = false;
      setControls();
    });
  });

  setControls();
})();
