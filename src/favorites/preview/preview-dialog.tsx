// Preview of one favorite: the largest thumbnail, details, open/download, previous/next.
import type { KeyboardEvent } from 'react'
import type { Favorite } from '../../api/favorite'
import { useI18n, type MessageKey } from '../../lib/i18n'
import { useOnline } from '../../lib/network'
import { Button, buttonClass } from '../../ui/controls'
import { Dialog } from '../../ui/dialog'
import { displayName } from '../grid/display-name'
import { FileIcon } from '../grid/file-icon'
import { FILTER_OF_KIND } from '../filters'
import { largestThumbnail } from '../grid/thumbnail-size'
import '../../lib/messages/en-later'

interface PreviewDialogProps {
  item: Favorite
  hasPrevious: boolean
  hasNext: boolean
  onPrevious: () => void
  onNext: () => void
  onClose: () => void
  /** Remove from (or add back to) favorites; the preview stays on the file. */
  onStarred: (starred: boolean) => void
}

export function PreviewDialog({ item, hasPrevious, hasNext, onPrevious, onNext, onClose, onStarred }: PreviewDialogProps) {
  const { t, date, size } = useI18n()
  const online = useOnline()
  const name = displayName(item.name)
  const image = largestThumbnail(item.thumbnails)

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'ArrowLeft' && hasPrevious) {
      e.preventDefault()
      onPrevious()
    } else if (e.key === 'ArrowRight' && hasNext) {
      e.preventDefault()
      onNext()
    }
  }

  const details: [MessageKey, string][] = [
    ['size', size(item.size)],
    ['type', `${t(`type.${FILTER_OF_KIND[item.type]}`)}${item.suffix ? ` (.${item.suffix})` : ''}`],
    ['location', [...new Set([item.path, item.spaceType && t(`space.${item.spaceType}`)].filter(Boolean))].join(' · ') || '—'],
    ['starred', date(item.starredAt)],
    ['created', date(item.createdAt)],
    ['edited', date(item.editedAt)],
    ['owner', item.owner ? (item.owner.me ? t('you') : item.owner.id) : '—'],
  ]

  return (
    <Dialog
      aria-labelledby="preview-title"
      onClose={onClose}
      onKeyDown={onKeyDown}
      className={'m-auto max-h-[calc(100dvh-2rem)] w-[min(64rem,calc(100vw-2rem))] overflow-auto rounded-xl p-0 backdrop:bg-slate-950/70'}
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-3 dark:border-slate-700">
        <h2 id="preview-title" className="min-w-0 basis-full truncate text-lg font-semibold sm:flex-1 sm:basis-auto">
          <bdi title={name}>{name}</bdi>
        </h2>
        <Button onClick={onPrevious} disabled={!hasPrevious} aria-keyshortcuts="ArrowLeft">
          {t('previous')}
        </Button>
        <Button onClick={onNext} disabled={!hasNext} aria-keyshortcuts="ArrowRight">
          {t('next')}
        </Button>
        <Button onClick={onClose} aria-keyshortcuts="Escape">
          {t('close')}
        </Button>
      </div>
      <div className="grid gap-4 p-4 md:grid-cols-[1fr_18rem]">
        <div className="flex min-h-64 items-center justify-center overflow-hidden rounded-lg bg-slate-100 dark:bg-slate-800">
          {image ? (
            <img key={image.url} src={image.url} alt={name} referrerPolicy="no-referrer" className="max-h-[70dvh] w-auto object-contain" />
          ) : (
            <div className="h-64 w-full">
              <FileIcon type={item.type} suffix={item.suffix} />
            </div>
          )}
        </div>
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-300">{t('details')}</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            {details.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="text-slate-600 dark:text-slate-400">{t(key)}</dt>
                <dd className="min-w-0 break-words">{value}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-4 flex flex-wrap gap-2">
            <Button onClick={() => onStarred(!item.starred)}>{t(item.starred ? 'removeFromFavorites' : 'addToFavorites')}</Button>
            {item.contentUrl && item.canDownload && !online ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">{t('needsNetwork')}</p>
            ) : item.contentUrl && item.canDownload ? (
              <>
                <a className={buttonClass()} href={item.contentUrl} target="_blank" rel="noopener noreferrer">
                  {t('open')}
                </a>
                <a className={buttonClass()} href={item.contentUrl} download={name} rel="noopener noreferrer">
                  {t('download')}
                </a>
              </>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">{t('noLink')}</p>
            )}
          </div>
        </div>
      </div>
    </Dialog>
  )
}
