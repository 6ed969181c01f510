// A type icon for files without a thumbnail: a coloured card with the extension.
import type { FileKind } from '../../api/favorite'
import { cn } from '../../ui/cn'
import { Icon } from '../../ui/controls'

const STYLE: Record<FileKind, string> = {
  folder: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100',
  image: 'bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-100',
  video: 'bg-violet-100 text-violet-900 dark:bg-violet-900/40 dark:text-violet-100',
  word: 'bg-blue-100 text-blue-900 dark:bg-blue-900/40 dark:text-blue-100',
  excel: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100',
  powerpoint: 'bg-orange-100 text-orange-900 dark:bg-orange-900/40 dark:text-orange-100',
  audio: 'bg-pink-100 text-pink-900 dark:bg-pink-900/40 dark:text-pink-100',
  archive: 'bg-stone-200 text-stone-900 dark:bg-stone-800 dark:text-stone-100',
  app: 'bg-lime-100 text-lime-900 dark:bg-lime-900/40 dark:text-lime-100',
  other: 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100',
}

export function FileIcon({ type, suffix, className }: { type: FileKind; suffix?: string; className?: string }) {
  const label = type === 'folder' ? '' : (suffix || '').slice(0, 5).toUpperCase()
  return (
    <div aria-hidden="true" className={cn('flex h-full w-full flex-col items-center justify-center gap-1', STYLE[type], className)}>
      {type === 'folder' ? <Icon name="folder" className="h-1/3 w-1/3" /> : <Icon name="file" className="h-1/4 w-1/4" />}
      {label && <span className="text-xs font-semibold tracking-wide">{label}</span>}
    </div>
  )
}
