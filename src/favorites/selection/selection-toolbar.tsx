// What can be done with the selected files: remove (or add back), download, clear.
import type { KeyboardEvent } from 'react'
import type { Favorite } from '../../api/favorite'
import { useI18n } from '../../lib/i18n'
import { useOnline } from '../../lib/network'
import { Button, Icon } from '../../ui/controls'
import '../../lib/messages/en-later'

/** The content links of the files, http(s) only (the model drops anything else) and allowed to download. */
export function downloadLinks(files: readonly Favorite[]): { url: string; name: string }[] {
  return files.flatMap((f) => (f.contentUrl && f.canDownload ? [{ url: f.contentUrl, name: f.name }] : []))
}

/** Plain links: the browser fetches them without our Authorization header. */
function download(links: { url: string; name: string }[]) {
  links.forEach(({ url, name }, i) =>
    window.setTimeout(() => {
      const a = document.createElement('a')
      a.href = url
      a.download = name
      a.rel = 'noopener noreferrer'
      a.click()
    }, i * 200),
  )
}

/** A toolbar is one group: arrow keys move between its buttons. */
function onArrows(e: KeyboardEvent<HTMLDivElement>) {
  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')]
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
  buttons[(at + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length]?.focus()
  e.preventDefault()
}

interface SelectionToolbarProps {
  files: Favorite[]
  onChange: (files: Favorite[], starred: boolean) => void
  onClear: () => void
}

/**
 * One line at every width: on a phone the buttons show a short word or an icon, and keep their
 * full names (aria-label), which start with what is shown.
 */
export function SelectionToolbar({ files, onChange, onClear }: SelectionToolbarProps) {
  const { t, size } = useI18n()
  const online = useOnline()
  const sized = files.filter((f) => f.size !== undefined)
  const starred = files.filter((f) => f.starred)
  const notStarred = files.filter((f) => !f.starred)
  const links = downloadLinks(files)
  return (
    <div
      role="toolbar"
      aria-label={t('selection')}
      onKeyDown={onArrows}
      className={'absolute inset-0 flex items-center gap-2 border-b border-blue-200 bg-blue-50 px-4 dark:border-blue-900 dark:bg-slate-900'}
    >
      <span className="mr-auto flex min-w-0 gap-1.5 text-sm font-semibold text-slate-900 dark:text-slate-100">
        <span className="truncate">{t('selectedCount', { count: files.length })}</span>
        {sized.length > 0 && (
          <span className="truncate font-normal text-slate-700 dark:text-slate-300">
            · {size(sized.reduce((sum, f) => sum + f.size!, 0))}
          </span>
        )}
      </span>
      {notStarred.length > 0 && (
        <Button aria-label={t('addToFavorites')} onClick={() => onChange(notStarred, true)}>
          <span className="sm:hidden">{t('add')}</span>
          <span className="max-sm:hidden">{t('addToFavorites')}</span>
        </Button>
      )}
      <Button
        aria-label={t('download')}
        title={online ? t('download') : t('needsNetwork')}
        disabled={links.length === 0 || !online}
        onClick={() => download(links)}
      >
        <Icon name="download" className="size-4" />
        <span className="max-sm:hidden">{t('download')}</span>
      </Button>
      {starred.length > 0 && (
        <Button variant="primary" aria-label={t('removeFromFavorites')} onClick={() => onChange(starred, false)}>
          <span className="sm:hidden">{t('remove')}</span>
          <span className="max-sm:hidden">{t('removeFromFavorites')}</span>
        </Button>
      )}
      <Button aria-label={t('clearSelection')} title={t('clearSelection')} onClick={onClear}>
        <Icon name="close" className="size-4" />
        <span className="max-sm:hidden">{t('clearSelection')}</span>
      </Button>
    </div>
  )
}
