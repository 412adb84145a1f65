// Save a step's answers shortly before an idle session would end, so nothing typed is
// lost to the timeout. Only a page with unsaved changes is saved: an untouched page is
// left alone, so an unattended browser still signs out on time.
const form = document.querySelector("form[data-autosave-seconds]");
if (form) {
  const seconds = Number(form.dataset.autosaveSeconds);
  let dirty = false;
  const mark = () => { dirty = true; };
  form.addEventListener("input", mark);
  form.addEventListener("change", mark);
  const timer = window.setTimeout(() => {
    if (!dirty) return;
    const flag = document.createElement("input");
    flag.type = "hidden";
    flag.name = "autosave";
    flag.value = "1";
    form.appendChild(flag);
    form.submit();
  }, seconds * 1000);
  form.addEventListener("submit", () => window.clearTimeout(timer));
}
