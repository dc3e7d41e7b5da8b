// Runs before the body is parsed (a classic script in <head>): sets <html lang> to the language the explorer will
// start in, so the first paint (index.html's shell and static map, both languages in the markup, CSS showing the one
// of <html lang>) is already in the reader's language. The rule is the app's: a valid ?lang=, else the stored choice
// (src/i18n/index.ts STORAGE_KEY), else the browser's first language (zh* → Chinese, any other → English), else
// Chinese. src/i18n/boot-lang.test.ts runs this file and the app's functions over one table of cases.
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
