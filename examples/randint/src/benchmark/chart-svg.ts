/** One line of the chart: a contender's seconds at each request count. */
export interface Series {
  readonly name: string;
  readonly seconds: readonly number[];
}

const COLORS = ['#d62728', '#ff7f0e', '#1f77b4', '#2ca02c'];
const WIDTH = 720;
const HEIGHT = 420;
const PAD = { left: 70, right: 190, top: 40, bottom: 50 };

/**
 * A line chart of seconds against request count, both axes logarithmic (counts double; times span two
 * orders of magnitude), as a self-contained SVG.
 */
export function chartSvg(title: string, counts: readonly number[], series: readonly Series[]): string {
  const values = series.flatMap((s) => s.seconds).filter((v) => v > 0);
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...values)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...values)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (count: number) =>
    PAD.left + (plotW * Math.log2(count / counts[0]!)) / Math.log2(counts.at(-1)! / counts[0]!);
  const y = (seconds: number) => PAD.top + plotH * (1 - Math.log10(seconds / yMin) / Math.log10(yMax / yMin));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="13">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${PAD.left}" y="24" font-size="16" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  for (let tick = yMin; tick <= yMax * 1.001; tick *= 10) {
    parts.push(
      `<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${y(tick)}" y2="${y(tick)}" stroke="#ddd"/>`,
      `<text x="${PAD.left - 8}" y="${y(tick) + 4}" text-anchor="end">${tick >= 1 ? tick : tick.toPrecision(1)} s</text>`,
    );
  }
  for (const count of counts) {
    parts.push(
      `<line x1="${x(count)}" x2="${x(count)}" y1="${PAD.top}" y2="${PAD.top + plotH}" stroke="#eee"/>`,
      `<text x="${x(count)}" y="${PAD.top + plotH + 18}" text-anchor="middle">${count}</text>`,
    );
  }
  parts.push(
    `<text x="${PAD.left + plotW / 2}" y="${HEIGHT - 10}" text-anchor="middle">requests</text>`,
    `<rect x="${PAD.left}" y="${PAD.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`,
  );
  series.forEach((s, index) => {
    const color = COLORS[index % COLORS.length];
    const points = s.seconds.map((v, i) => `${x(counts[i]!).toFixed(1)},${y(v).toFixed(1)}`);
    parts.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${color}" stroke-width="2.5"/>`);
    for (const point of points) {
      const [px, py] = point.split(',');
      parts.push(`<circle cx="${px}" cy="${py}" r="3.5" fill="${color}"/>`);
    }
    const ly = PAD.top + 20 + index * 22;
    parts.push(
      `<line x1="${WIDTH - PAD.right + 16}" x2="${WIDTH - PAD.right + 40}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="3"/>`,
      `<text x="${WIDTH - PAD.right + 46}" y="${ly}">${escapeXml(s.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
