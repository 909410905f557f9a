import { useTranslation } from 'react-i18next';

/** A last-hour line as inline SVG: cheap, crisp, and needs no chart library. `label` names it for screen readers. */
export function Sparkline({
  values,
  tone = 'accent',
  label,
}: {
  values: number[];
  tone?: 'accent' | 'danger' | 'warn';
  label: string;
}) {
  const { t } = useTranslation('board');
  const width = 120;
  const height = 28;
  if (values.length < 2) return <div className="sparkline-empty">{t('chart.collecting')}</div>;
  const max = Math.max(1, ...values);
  const step = width / (values.length - 1);
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`);
  return (
    <svg
      className={`sparkline ${tone}`}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      <polyline points={`0,${height} ${points.join(' ')} ${width},${height}`} className="area" />
      <polyline points={points.join(' ')} className="line" />
    </svg>
  );
}
