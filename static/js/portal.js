// Small behaviours that would otherwise need inline scripts (the CSP forbids them).
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field.matches("[data-autosubmit]") && field.form) {
    field.form.submit();
  }
});
