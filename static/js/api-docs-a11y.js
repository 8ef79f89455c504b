// The API docs page: what Swagger UI leaves out for keyboard and screen-reader users.
// Each parameter's choice list gets the parameter's name; a code example that scrolls can be
// reached by keyboard. Swagger UI renders as the reader opens operations, so this follows it.
"use strict";
(() => {
  const mend = (root) => {
    for (const select of root.querySelectorAll("select:not([aria-label])")) {
      const row = select.closest("tr[data-param-name]");
      if (row) select.setAttribute("aria-label", row.dataset.paramName);
    }
    for (const code of root.querySelectorAll("pre.microlight:not([tabindex]), .highlight-code pre:not([tabindex])")) {
      code.setAttribute("tabindex", "0");
    }
  };
  new MutationObserver(() => mend(document)).observe(document.body, { childList: true, subtree: true });
  mend(document);
})();
