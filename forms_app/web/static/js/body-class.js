// Before first paint: tell the NHS.UK styles that JavaScript runs (no inline script: CSP).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');
