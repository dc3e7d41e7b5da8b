// Sets <html lang> before the body paints, so index.html's shell shows the reader's language (docs/app.md, "First
// paint"). Same rule as the app; src/i18n/boot-lang.test.ts checks both against one table.
(() => {
  let lang = null;
  try {
    const asked = new URLSearchParams(location.search).get('lang');
    if (asked === 'zh' || asked === 'en') lang = asked;
  } catch {}
  if (!lang) {
    try {
      const stored = localStorage.getItem('jx-lang');
      if (stored === 'zh' || stored === 'en') lang = stored;
    } catch {}
  }
  if (!lang) {
    const first = navigator.languages?.[0] ?? navigator.language;
    if (first) lang = /^zh(?:[-_]|$)/i.test(first) ? 'zh' : 'en';
  }
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
})();
