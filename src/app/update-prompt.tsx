// "A new version is ready": the service worker's update, offered and never forced. Reload waits
// until no change is being sent and everything is saved locally. A chunk of its own (with
// Workbox's window part), mounted once the first screen is idle.
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../lib/i18n'
import { Button } from '../ui/controls'
import { whenSafeToReload } from '../data/safe-to-reload'
import { outboxWrites } from '../data/outbox'
import { registerSW } from 'virtual:pwa-register'
import '../lib/messages/en-later'

/**
 * The first controller change is the first worker claiming the page: thumbnails shown before
 * went around it, so they are asked for again through it, which keeps them (the HTTP cache
 * usually answers, so this costs little). Any later change is a new version taking over.
 */
function watchController(onNewVersion: () => void) {
  let controlled = navigator.serviceWorker.controller !== null
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled) return onNewVersion()
    controlled = true
    for (const img of document.querySelectorAll<HTMLImageElement>('img[crossorigin]')) {
      if (img.currentSrc) {
        void fetch(img.currentSrc, { mode: 'cors', credentials: 'omit', headers: { accept: 'image/*' } }).catch(() => {})
      }
    }
  })
}

let reloading = false

export function UpdatePrompt() {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const [waiting, setWaiting] = useState(false)
  // A new worker took over from the one this page came with (this tab's Reload, or another tab's):
  // reload onto the new version, once that loses nothing.
  const reloadWhenSafe = () => {
    if (reloading) return
    reloading = true
    void whenSafeToReload(queryClient, outboxWrites).then(() => window.location.reload())
  }
  const [needRefresh, setNeedRefresh] = useState(false)
  const updateServiceWorker = useRef<() => Promise<void>>(async () => {})
  useEffect(() => {
    updateServiceWorker.current = registerSW({
      onNeedRefresh: () => setNeedRefresh(true),
      // Workbox reports an update found after the page loaded as "external", and then does not
      // call onNeedReload: the controller change itself is what counts.
      onRegisteredSW: () => watchController(reloadWhenSafe),
      onNeedReload: reloadWhenSafe,
    })
    // Registered once, as useRegisterSW does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  if (!needRefresh) return null

  const reload = async () => {
    setWaiting(true)
    await whenSafeToReload(queryClient, outboxWrites)
    await updateServiceWorker.current()
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
