'use client'
// A bar chart for one report table. It is a picture for sighted readers: screen readers get its summary as the
// image's name, and everyone gets the same figures in the table view beside it (WCAG 1.1.1, 1.4.1).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

// dark blue and dark orange: each at least 4.5:1 on white; stacked bars are separated by a white line (1.4.11)
const COLOURS = ['#1d4f91', '#b04a00']

export type ChartSeries = { key: string; label: string }

export function ReportChart({
  rows,
  category,
  series,
  summary,
  horizontal = false,
}: {
  rows: Record<string, string | number>[]
  category: string
  series: ChartSeries[]
  summary: string
  horizontal?: boolean
}) {
  const height = horizontal ? Math.max(160, rows.length * 32 + 60) : 280
  return (
    <div className="chart" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={rows}
          layout={horizontal ? 'vertical' : 'horizontal'}
          accessibilityLayer={false}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#b1b4b6" />
          {horizontal ? (
            <>
              <XAxis type="number" allowDecimals={false} tick={{ fill: '#0b0c0c' }} />
              <YAxis type="category" dataKey={category} width={140} tick={{ fill: '#0b0c0c', fontSize: 13 }} />
            </>
          ) : (
            <>
              <XAxis dataKey={category} tick={{ fill: '#0b0c0c', fontSize: 13 }} interval="preserveStartEnd" />
              <YAxis allowDecimals={false} width={40} tick={{ fill: '#0b0c0c' }} />
            </>
          )}
          <Tooltip />
          {series.length > 1 && <Legend wrapperStyle={{ color: '#0b0c0c' }} />}
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId={series.length > 1 ? 'all' : undefined}
              fill={COLOURS[i % COLOURS.length]}
              stroke="#fff"
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
