// "A new version is ready": the service worker's update, offered and never forced. Reload waits
// until no change is being sent and everything is saved locally.
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useRegisterSW } from 'virtual:pwa-register/react'
import { useI18n } from '../lib/i18n'
import { Button } from '../ui/controls'
import { whenSafeToReload } from './safe-to-reload'
import { outboxWrites } from './outbox'

/**
 * Thumbnails shown before the first worker controlled the page went around it. Once it does
 * (it claims the page on activation), they are asked for again through it, which keeps them;
 * the HTTP cache usually answers, so this costs little.
 */
function warmThumbnailsOnControl() {
  if (navigator.serviceWorker.controller) return
  navigator.serviceWorker.addEventListener(
    'controllerchange',
    () => {
      for (const img of document.querySelectorAll<HTMLImageElement>('img[crossorigin]')) {
        if (img.currentSrc) {
          void fetch(img.currentSrc, { mode: 'cors', credentials: 'omit', headers: { accept: 'image/*' } }).catch(() => {})
        }
      }
    },
    { once: true },
  )
}

export function UpdatePrompt() {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const [waiting, setWaiting] = useState(false)
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW: () => warmThumbnailsOnControl(),
    // The new worker controls the page: reload only when that loses nothing (it may be another tab's click).
    onNeedReload: () => void whenSafeToReload(queryClient, outboxWrites).then(() => window.location.reload()),
  })
  if (!needRefresh) return null

  const reload = async () => {
    setWaiting(true)
    await whenSafeToReload(queryClient, outboxWrites)
    await updateServiceWorker()
  }
  return (
    <div
      role="status"
      className="fixed bottom-4 left-4 z-40 flex max-w-sm items-center gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
    >
      <p className="flex-1">{waiting ? t('update.waiting') : t('update.ready')}</p>
      <Button variant="primary" disabled={waiting} onClick={() => void reload()}>
        {t('reload')}
      </Button>
      {!waiting && (
        <Button variant="ghost" onClick={() => setNeedRefresh(false)}>
          {t('later')}
        </Button>
      )}
    </div>
  )
}
