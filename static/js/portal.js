// Small behaviours that would otherwise need inline scripts (the CSP forbids them).
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field.matches("[data-autosubmit]") && field.form) {
    field.form.submit();
  }
});

// Idle sessions end on the server; two minutes before, say so and offer to stay signed in.
(() => {
  const body = document.body;
  const seconds = Number(body.dataset.idleSeconds || 0);
  if (!seconds) return;
  let timer;
  const warn = () => {
    if (document.getElementById("idle-warning")) return;
    const box = document.createElement("div");
    box.id = "idle-warning";
    box.className = "alert alert-warning shadow position-fixed bottom-0 end-0 m-3 d-flex gap-2 align-items-center";
    box.setAttribute("role", "alert");
    const text = document.createElement("span");
    text.textContent = body.dataset.idleWarning;
    const stay = document.createElement("button");
    stay.type = "button";
    stay.className = "btn btn-sm btn-primary";
    stay.textContent = body.dataset.idleStay;
    stay.addEventListener("click", () => {
      fetch(body.dataset.idlePing, { credentials: "same-origin" }).then(() => { box.remove(); arm(); });
    });
    box.append(text, stay);
    body.append(box);
  };
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(warn, Math.max(seconds - 120, 10) * 1000);
  };
  arm();
})();
