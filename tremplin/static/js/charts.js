// Charts drawn from data blocks written by the server (json_script), no inline script (CSP).
document.addEventListener("DOMContentLoaded", () => {
  const data = document.getElementById("etp-data");
  const canvas = document.getElementById("etp-chart");
  if (!data || !canvas || typeof Chart === "undefined") return;
  const values = JSON.parse(data.textContent);
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: values.labels,
      datasets: [{ label: "ETP réalisés", data: values.etp, backgroundColor: "#1d5c4d" }],
    },
    options: {
      animation: false,
      scales: { y: { beginAtZero: true, title: { display: true, text: "ETP" } } },
      plugins: { legend: { display: false } },
      locale: "fr-FR",
    },
  });
});
