// The chat's [n] markers: each becomes a link to its clause in the citation column.
// Messages stay plain text (what the copy button copies); the links are added here.
// On a phone the page scrolls, not the chat: a question just asked is brought into view.
(() => {
  const MARKER = /\[(\d{1,2})\]/g;
  const PHONE = window.matchMedia('(max-width: 640px)');

  const botMessages = () =>
    Array.from(document.querySelectorAll('#chat [data-testid="bot"]'));
  const userMessages = () =>
    Array.from(document.querySelectorAll('#chat [data-testid="user"]'));
  let askedAfter = null;  // how many questions the chat held when one was last asked

  function showNewQuestion() {
    const questions = userMessages();
    if (askedAfter === null || questions.length <= askedAfter) return;
    askedAfter = null;
    questions[questions.length - 1].scrollIntoView({block: 'start', behavior: 'smooth'});
  }

  function linkMarkers() {
    botMessages().forEach((message, index) => {
      const walker = document.createTreeWalker(message, NodeFilter.SHOW_TEXT);
      const found = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        MARKER.lastIndex = 0;
        if (MARKER.test(node.data) && !node.parentElement.closest('.cite-ref')) found.push(node);
      }
      found.forEach((node) => {
        const parts = document.createDocumentFragment();
        let last = 0;
        node.data.replace(MARKER, (marker, n, at) => {
          parts.append(node.data.slice(last, at));
          const link = document.createElement('a');
          link.className = 'cite-ref';
          link.href = `#cite-${index + 1}-${n}`;
          link.dataset.target = `cite-${index + 1}-${n}`;
          link.title = '查看引用的条款';
          link.textContent = marker;
          parts.append(link);
          last = at + marker.length;
        });
        parts.append(node.data.slice(last));
        node.replaceWith(parts);
      });
    });
  }

  const asking = (target) => PHONE.matches && target.closest
    && target.closest('#ask, #chat button[aria-label^="Select example"]');
  document.addEventListener('click', (event) => {
    if (asking(event.target)) askedAfter = userMessages().length;
  });
  document.addEventListener('keydown', (event) => {
    const typed = event.target.closest && event.target.closest('#question textarea');
    if (PHONE.matches && typed && event.key === 'Enter' && !event.shiftKey) {
      askedAfter = userMessages().length;
    }
  });

  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a.cite-ref');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    const clause = document.getElementById(link.dataset.target);
    if (!clause) return;
    for (let box = clause.closest('details'); box; box = box.parentElement.closest('details')) {
      box.open = true;
    }
    clause.scrollIntoView({block: 'start', behavior: 'smooth'});
    clause.classList.remove('flash');
    void clause.offsetWidth; // restart the animation
    clause.classList.add('flash');
  }, true);

  let scheduled = false;
  new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => { scheduled = false; linkMarkers(); showNewQuestion(); });
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
})();
