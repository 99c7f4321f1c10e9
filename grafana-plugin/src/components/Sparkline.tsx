import React from 'react';

interface Props {
  values: readonly number[];
  width: number;
  height: number;
  color: string;
  /** Optional horizontal reference line (e.g. a distance threshold), drawn dashed when in range. */
  reference?: number;
  referenceColor?: string;
}

/** A tiny SVG line of a series (finite values only; one value draws a dot). */
export function Sparkline({ values, width, height, color, reference, referenceColor }: Props): React.JSX.Element {
  const finite = values.filter((v) => Number.isFinite(v));
  const all = reference !== undefined && Number.isFinite(reference) ? [...finite, reference] : finite;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max > min ? max - min : 1;
  const x = (i: number): number => (finite.length > 1 ? (i / (finite.length - 1)) * (width - 2) + 1 : width / 2);
  const y = (v: number): number => height - 1 - ((v - min) / span) * (height - 2);
  const points = finite.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const lastValue = finite[finite.length - 1];
  return (
    <svg width={width} height={height} data-testid="sparkline" data-points={finite.length} aria-hidden="true">
      {reference !== undefined && Number.isFinite(reference) && finite.length > 0 && (
        <line x1={0} x2={width} y1={y(reference)} y2={y(reference)} stroke={referenceColor ?? color} strokeDasharray="3 2" strokeWidth={1} />
      )}
      {finite.length > 1 && <polyline points={points} fill="none" stroke={color} strokeWidth={1.5} />}
      {lastValue !== undefined && <circle cx={x(finite.length - 1)} cy={y(lastValue)} r={2} fill={color} />}
    </svg>
  );
}
