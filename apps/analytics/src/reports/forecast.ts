/** Smoothing constants of the forecast (stated in every report). */
export const HOLT_ALPHA = 0.5;
export const HOLT_BETA = 0.3;
/** How many past periods the forecast looks at. */
export const FORECAST_WINDOW = 8;

/** A forecast with the method that produced it. */
export interface Forecast {
  method: 'holt_linear' | 'moving_average' | 'none';
  description: string;
  value: number | null;
}

/**
 * Forecasts the next value of a series (oldest first). Leading periods with no data (before the
 * platform had history) are dropped; with three or more points it uses Holt's linear trend
 * exponential smoothing (level α = 0.5, trend β = 0.3), otherwise the mean of what there is.
 * Never negative; rounded to whole petitions.
 */
export function forecastNext(series: number[]): Forecast {
  const first = series.findIndex((v) => v > 0);
  const data = first < 0 ? [] : series.slice(first);
  if (data.length === 0) return { method: 'none', description: '无历史数据，不作预测 (no history)', value: null };
  if (data.length < 3) {
    const mean = data.reduce((a, b) => a + b, 0) / data.length;
    return {
      method: 'moving_average',
      description: `移动平均：最近${data.length}期均值 (moving average of ${data.length} periods)`,
      value: Math.round(mean),
    };
  }
  let level = data[0];
  let trend = data[1] - data[0];
  for (let i = 1; i < data.length; i++) {
    const previousLevel = level;
    level = HOLT_ALPHA * data[i] + (1 - HOLT_ALPHA) * (level + trend);
    trend = HOLT_BETA * (level - previousLevel) + (1 - HOLT_BETA) * trend;
  }
  return {
    method: 'holt_linear',
    description: `Holt 线性趋势指数平滑（α=${HOLT_ALPHA}，β=${HOLT_BETA}），基于最近${data.length}期 (Holt linear trend over ${data.length} periods)`,
    value: Math.max(0, Math.round(level + trend)),
  };
}
