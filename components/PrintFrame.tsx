'use client'
// What every printed page carries (never shown on screen): the Government Security Classification, when it was
// printed and by whom. The time is taken again as the print starts, so a page left open still prints the right one.
import { useEffect, useState } from 'react'
import { formatDateTime } from '@/lib/domain/time'

export function PrintFrame({ printedBy }: { printedBy: string | null }) {
  const [printedAt, setPrintedAt] = useState(() => formatDateTime(new Date()))
  useEffect(() => {
    const now = () => setPrintedAt(formatDateTime(new Date()))
    window.addEventListener('beforeprint', now)
    return () => window.removeEventListener('beforeprint', now)
  }, [])
  return (
    <div className="print-only print-frame">
      <p className="classification">OFFICIAL-SENSITIVE</p>
      <p>
        Printed {printedAt}
        {printedBy ? ` by ${printedBy}` : ''} from Haven.
      </p>
    </div>
  )
}
