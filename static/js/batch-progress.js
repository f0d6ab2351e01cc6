// Polls the progress of an assignment job and updates the progress bar and status text.
(function () {
  const panel = document.querySelector("[data-batch-progress]");
  if (!panel) return;
  const bar = panel.querySelector("progress");
  const status = panel.querySelector("[data-batch-status]");
  async function poll() {
    const response = await fetch(panel.dataset.batchProgress, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const data = await response.json();
    bar.value = data.percent;
    bar.textContent = data.percent + "%";
    if (data.status === "done" || data.status === "failed") {
      window.location.reload();
      return;
    }
    status.textContent = data.status_label + ": " + data.processed + " / " + data.total;
    window.setTimeout(poll, 1000);
  }
  if (panel.querySelector("noscript")) window.setTimeout(poll, 1000);
})();
