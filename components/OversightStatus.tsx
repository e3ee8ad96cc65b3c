// A home's oversight status: the level in words and colour, and each check with its reason (never colour alone).
import { LEVEL_WORDS, type Check, type Level } from '@/lib/domain/oversight'

export function LevelTag({ level }: { level: Level }) {
  return <span className={`level level-${level}`}>{LEVEL_WORDS[level]}</span>
}

export function CheckList({ checks }: { checks: Check[] }) {
  return (
    <ul className="checks">
      {checks.map((c) => (
        <li key={c.code} className={`check-${c.level}`}>
          <strong>{c.title}</strong>: <LevelTag level={c.level} />
          <div>{c.reason}</div>
        </li>
      ))}
    </ul>
  )
}
