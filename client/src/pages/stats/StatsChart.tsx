import type { StatsTable } from '@haven/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { numberText } from './statsLabels';

/** Layout, in CSS pixels: the chart is drawn at the width it has, so its text never shrinks. */
const LABEL_LINE = 20;
const BAR = 16;
const ROW_GAP = 12;
const ROW = LABEL_LINE + BAR + ROW_GAP;
/** Room after the longest bar for its number. */
const VALUE_ROOM = 88;
/** A withheld total is drawn this wide whatever it is: its length would tell what it hides. */
const WITHHELD_MARK = 28;
const FALLBACK_WIDTH = 640;

interface StatsChartProps {
  table: StatsTable;
  title: string;
  rowName(label: string): string;
}

/**
 * The first dimension's totals as horizontal bars, drawn as SVG elements with attributes only
 * (no style, which the Content-Security-Policy would refuse). Each row's label sits above its bar,
 * so labels of any length fit a phone. A withheld total is a hatched outline of fixed size, never
 * a bar of zero. The table stays the accessible source; the chart is one image with a
 * description.
 */
export function StatsChart({ table, title, rowName }: StatsChartProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const rtl = i18n.dir(language) === 'rtl';
  const frame = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(FALLBACK_WIDTH);

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(200, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const counts = table.rowTotals.map((value) => value.count);
  const largest = Math.max(1, ...counts.map((count) => count ?? 0));
  const scale = (width - VALUE_ROOM) / largest;
  const height = table.rows.length * ROW;
  // Right to left, every x is measured from the other edge.
  const x = (offset: number, length = 0) => (rtl ? width - offset - length : offset);
  const titleId = 'stats-chart-title';
  const descriptionId = 'stats-chart-description';
  const patternId = 'stats-chart-withheld';

  return (
    <div className="stats-chart" ref={frame}>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descriptionId}`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
      >
        <title id={titleId}>{title}</title>
        <desc id={descriptionId}>{t('stats.chart.description')}</desc>
        <defs>
          <pattern
            id={patternId}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect className="stats-chart-hatch" width="2" height="6" />
          </pattern>
        </defs>
        {table.rows.map((row, index) => {
          const count = counts[index] ?? null;
          const top = index * ROW;
          const barTop = top + LABEL_LINE;
          const length = count === null ? WITHHELD_MARK : count * scale;
          const valueText =
            count === null ? t('stats.table.withheldMark') : numberText(language, count);
          return (
            <g key={row}>
              <text className="stats-chart-label" x={x(0)} y={top + 14}>
                {rowName(row)}
              </text>
              {count === null ? (
                <rect
                  className="stats-chart-withheld"
                  x={x(0.5, length)}
                  y={barTop + 0.5}
                  width={length}
                  height={BAR - 1}
                  fill={`url(#${patternId})`}
                />
              ) : (
                <rect
                  className="stats-chart-bar"
                  x={x(0, length)}
                  y={barTop}
                  width={length}
                  height={BAR}
                />
              )}
              <text className="stats-chart-value" x={x(length + 6)} y={barTop + 13}>
                {valueText}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
