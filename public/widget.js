/*
 * Customer survey widget. Paste into a page of a site listed in WIDGET_ALLOWED_ORIGINS:
 *
 *   <script src="https://survey.example.com/widget.js" async
 *           data-customer-name="Ana" data-agent-name="Sam" data-language="es"
 *           data-exp="1767225600" data-sig="…"></script>
 *
 * Optional data-*: customer-name, customer-id, agent-name, agent-id, campaign-id, language (en, es,
 * de, fr, hu, lt, fa), exp and sig (the signature the company's server made with WEBCHAT_SIGNING_SECRET;
 * without a valid one the names are shown but the ids count for nothing), label (the button's
 * text), open ("true" opens the chat at once). window.SurveyWidget.open() and .close() do the same
 * from the page's own code.
 *
 * The chat runs in a frame from the survey service; the service's frame-ancestors policy lets only
 * the allowed sites show it. Styles are set property by property, so the host page's CSP needs no
 * 'unsafe-inline' for it.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.SurveyWidget) return;
  var origin = new URL(script.src, window.location.href).origin;
  var data = script.dataset;
  var fields = {
    customerName: data.customerName, customerId: data.customerId, agentName: data.agentName, agentId: data.agentId,
    campaignId: data.campaignId, language: data.language, exp: data.exp, sig: data.sig,
  };
  var fragment = new URLSearchParams();
  Object.keys(fields).forEach(function (name) {
    if (fields[name]) fragment.set(name, fields[name]);
  });
  var label = data.label || 'Rate our service';
  var panelId = 'survey-widget-panel';
  var language = (data.language || '').slice(0, 2).toLowerCase();
  // Persian reads right to left: the widget sits in the bottom-left corner and its title bar turns round.
  var rightToLeft = language === 'fa';
  var side = rightToLeft ? 'left' : 'right';

  function style(element, properties) {
    Object.keys(properties).forEach(function (name) {
      element.style.setProperty(name, properties[name]);
    });
    return element;
  }

  var launcher = style(document.createElement('button'), {
    position: 'fixed', bottom: '20px', 'z-index': '2147483000', padding: '12px 18px',
    border: '0', 'border-radius': '24px', background: '#0a5ea8', color: '#fff', font: '600 15px system-ui, sans-serif',
    'box-shadow': '0 4px 14px rgba(0,0,0,.25)', cursor: 'pointer',
  });
  launcher.style.setProperty(side, '20px');
  launcher.type = 'button';
  launcher.textContent = label;
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', panelId);

  var panel = style(document.createElement('div'), {
    position: 'fixed', bottom: '84px', width: '380px', height: '600px', 'max-height': 'calc(100vh - 104px)',
    'z-index': '2147483001', display: 'none', 'flex-direction': 'column', background: '#fff', 'border-radius': '12px',
    overflow: 'hidden', 'box-shadow': '0 12px 40px rgba(0,0,0,.3)',
  });
  panel.style.setProperty(side, '20px');
  if (language) {
    panel.lang = language;
    launcher.lang = language;
  }
  if (rightToLeft) {
    panel.dir = 'rtl';
    launcher.dir = 'rtl';
  }
  panel.id = panelId;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', label);

  var bar = style(document.createElement('div'), {
    display: 'flex', 'align-items': 'center', 'justify-content': 'space-between', padding: '10px 14px',
    background: '#0a5ea8', color: '#fff', font: '600 15px system-ui, sans-serif',
  });
  var title = document.createElement('span');
  title.textContent = label;
  var close = style(document.createElement('button'), {
    border: '0', background: 'transparent', color: '#fff', font: '400 22px system-ui, sans-serif', cursor: 'pointer', 'line-height': '1',
  });
  close.type = 'button';
  close.textContent = '\u00d7';
  close.setAttribute('aria-label', 'Close the survey');
  bar.appendChild(title);
  bar.appendChild(close);
  panel.appendChild(bar);

  var frame = null;

  function fitToScreen() {
    var small = window.innerWidth < 600;
    style(panel, small
      ? { bottom: '0', width: '100%', height: '100%', 'max-height': '100%', 'border-radius': '0' }
      : { bottom: '84px', width: '380px', height: '600px', 'max-height': 'calc(100vh - 104px)', 'border-radius': '12px' });
    panel.style.setProperty(side, small ? '0' : '20px');
  }

  function open() {
    if (!frame) {
      // Created on first open, so pages that never open the survey never load the chat.
      frame = style(document.createElement('iframe'), { flex: '1 1 auto', width: '100%', border: '0' });
      frame.title = 'Customer survey chat';
      frame.src = origin + '/?embed=1' + (fragment.toString() ? '#' + fragment.toString() : '');
      panel.appendChild(frame);
    }
    fitToScreen();
    panel.style.setProperty('display', 'flex');
    launcher.setAttribute('aria-expanded', 'true');
    frame.focus();
  }

  function hide() {
    panel.style.setProperty('display', 'none');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', function () {
    if (panel.style.getPropertyValue('display') === 'flex') hide();
    else open();
  });
  close.addEventListener('click', hide);
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') hide();
  });
  // Escape pressed inside the chat's frame arrives as a message from that frame.
  window.addEventListener('message', function (event) {
    if (frame && event.source === frame.contentWindow && event.origin === origin && event.data && event.data.type === 'survey-widget:close') hide();
  });
  window.addEventListener('resize', function () {
    if (panel.style.getPropertyValue('display') === 'flex') fitToScreen();
  });

  function mount() {
    document.body.appendChild(launcher);
    document.body.appendChild(panel);
    if (data.open === 'true') open();
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);

  window.SurveyWidget = { open: open, close: hide };
})();
