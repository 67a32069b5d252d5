// Charts drawn from data blocks written by the server (json_script), no inline script (CSP).
// <canvas data-chart="ID"> reads the JSON block ID: {labels: [...], series: [{label, values,
// kind: "bar" | "line", color, stack (bars of one stack are piled)}]}. The figures are always also in a table under the chart.
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Chart === "undefined") return;
  document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
    const block = document.getElementById(canvas.dataset.chart);
    if (!block) return;
    const values = JSON.parse(block.textContent);
    const datasets = values.series.map((serie) => ({
      type: serie.kind || "bar",
      label: serie.label,
      data: serie.values,
      backgroundColor: serie.color,
      borderColor: serie.color,
      borderDash: serie.dashed ? [6, 4] : undefined,
      pointRadius: serie.kind === "line" ? 2 : undefined,
      spanGaps: false,
      stack: serie.stack,
    }));
    const stacked = values.series.some((serie) => serie.stack);
    new Chart(canvas, {
      data: { labels: values.labels, datasets },
      options: {
        animation: false,
        scales: {
          x: { stacked },
          y: {
            stacked,
            beginAtZero: true,
            title: { display: true, text: values.unit || "" },
            ticks: { precision: values.integer ? 0 : undefined },
          },
        },
        plugins: { legend: { display: datasets.length > 1 } },
        locale: "fr-FR",
      },
    });
  });
});
