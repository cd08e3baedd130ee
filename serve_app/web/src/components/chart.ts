// Mastery per topic as horizontal SVG bars (role=img with a label); the page pairs it with a
// table holding the same numbers for screen readers and copy-paste.

const SVG = "http://www.w3.org/2000/svg";

export interface Bar {
  label: string;
  value: number; // 0-100
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  return element;
}

/** Colour by level band (beginner, learning, proficient, mastered); all pass AA on white. */
export function barClass(value: number): string {
  if (value > 90) return "bar-mastered";
  if (value > 70) return "bar-proficient";
  if (value > 40) return "bar-learning";
  return "bar-beginner";
}

export function barChart(bars: Bar[], label: string): SVGSVGElement {
  const rowHeight = 28;
  const labelWidth = 130;
  const barWidth = 300;
  const valueWidth = 50;
  const width = labelWidth + barWidth + valueWidth;
  const height = Math.max(1, bars.length) * rowHeight + 8;
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    width: "100%",
    role: "img",
    "aria-label": label,
    class: "bar-chart",
    preserveAspectRatio: "xMinYMin meet",
  });
  const title = svg("title", {});
  title.textContent = bars.length
    ? `${label}: ${bars.map((b) => `${b.label} ${Math.round(b.value)}`).join(", ")}`
    : `${label}: no topics yet`;
  chart.appendChild(title);
  bars.forEach((bar, index) => {
    const y = 4 + index * rowHeight;
    const value = Math.max(0, Math.min(100, bar.value));
    const name = svg("text", { x: labelWidth - 8, y: y + rowHeight / 2, "text-anchor": "end", "dominant-baseline": "middle", class: "bar-label" });
    name.textContent = bar.label;
    const track = svg("rect", { x: labelWidth, y: y + 4, width: barWidth, height: rowHeight - 8, rx: 3, class: "bar-track" });
    const fill = svg("rect", {
      x: labelWidth,
      y: y + 4,
      width: Math.max(value > 0 ? 2 : 0, (barWidth * value) / 100),
      height: rowHeight - 8,
      rx: 3,
      class: `bar ${barClass(value)}`,
    });
    const figure = svg("text", { x: labelWidth + barWidth + 8, y: y + rowHeight / 2, "dominant-baseline": "middle", class: "bar-value" });
    figure.textContent = String(Math.round(value));
    chart.append(name, track, fill, figure);
  });
  return chart;
}
