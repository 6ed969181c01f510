// One favorite in the grid: thumbnail (or type icon), name, badges.
import { memo, useState } from 'react'
import type { Favorite } from '../../api/favorite'
import { useI18n } from '../../lib/i18n'
import { cn } from '../../ui/cn'
import { displayName } from './display-name'
import { Highlighted } from '../search/highlight'
import { FileIcon } from './file-icon'
import { chooseThumbnail } from './thumbnail-size'
import { Icon } from '../../ui/controls'

interface TileProps {
  item: Favorite
  index: number
  /** The picture's box in CSS pixels: the tile's width, the row's height less the name. */
  width: number
  pictureHeight: number
  tabbable: boolean
  selected: boolean
  /** Checkboxes show on every tile once anything is selected (otherwise on hover and focus). */
  showCheckbox: boolean
  /** Whether to ask for the thumbnail yet (see TilesRow). */
  wanted: boolean
  /** In the first row: its thumbnail is fetched before anything else below the fold. */
  first?: boolean
}

/** Leaving the grid before it loaded: the request is abandoned rather than finished. (A stable
 * function: React runs a ref's cleanup whenever the ref changes, not only on unmount.) */
function abandonOnUnmount(img: HTMLImageElement | null) {
  return () => {
    if (img && !img.complete) img.removeAttribute('src')
  }
}

/** Clicks, keys and long presses are handled by the grid, which knows the whole selection. */
export const Tile = memo(function Tile(props: TileProps) {
  const { item, index, width, pictureHeight, tabbable, selected, showCheckbox, wanted } = props
  const { t } = useI18n()
  const [failed, setFailed] = useState(false)
  // Asked for with CORS, so that the service worker may keep it for offline use; a host that
  // sends no CORS headers gets a plain request instead (shown, but not kept).
  const [cors, setCors] = useState(true)
  // Once the picture failed, with CORS and without, the tile shows the type icon instead.
  const thumbnail = failed
    ? undefined
    : chooseThumbnail(item.thumbnails, { width, height: pictureHeight }, typeof window === 'undefined' ? 1 : window.devicePixelRatio)
  const name = displayName(item.name)
  const badges = [item.recycled && t('badge.recycled'), item.expired && t('badge.expired'), item.hidden && t('badge.hidden')].filter(
    (b): b is string => Boolean(b),
  )
  return (
    <div
      role="gridcell"
      data-index={index}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      className={cn(
        'group relative flex h-full min-w-0 flex-col overflow-hidden rounded-lg border',
        'bg-white outline-none [-webkit-touch-callout:none]',
        'focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2',
        'dark:bg-slate-900 dark:ring-offset-slate-950',
        selected
          ? 'border-blue-700 ring-2 ring-blue-700 dark:border-blue-400 dark:ring-blue-400'
          : 'border-slate-200 dark:border-slate-700',
      )}
    >
      {/* First in the DOM so the cell's accessible name starts with the file name; shown at the
          bottom, over the picture when it unfolds (hover, focus). No wrapper: one element fewer a tile. */}
      <bdi
        title={name}
        className={
          'absolute inset-x-0 bottom-0 truncate bg-white px-2 py-2 text-sm leading-5 ' +
          'text-slate-900 group-focus-within:z-10 group-focus-within:whitespace-normal ' +
          'group-focus-within:break-words ' +
          'group-focus:whitespace-normal group-focus:break-words ' +
          'group-hover:z-10 group-hover:whitespace-normal group-hover:break-words ' +
          'dark:bg-slate-900 dark:text-slate-100'
        }
      >
        <Highlighted text={name} />
      </bdi>
      {/* The grey box is the placeholder (not animated: a pulse on every tile would repaint each frame). */}
      <div
        className="relative mb-9 min-h-0 flex-1 overflow-hidden bg-slate-100 dark:bg-slate-800"
        // Has a thumbnail to show (tests and the benchmark tell a waiting one by its image not yet loaded).
        data-thumbnail={thumbnail ? '' : undefined}
      >
        {thumbnail ? (
          wanted && (
            <img
              key={cors ? 'cors' : 'plain'}
              src={thumbnail.url}
              alt=""
              crossOrigin={cors ? 'anonymous' : undefined}
              draggable={false}
              decoding="async"
              fetchPriority={props.first ? 'high' : 'auto'}
              referrerPolicy="no-referrer"
              onError={() => (cors ? setCors(false) : setFailed(true))}
              // Shown as soon as it is decoded, over the grey box: no hidden state to flip (a re-render per
              // tile) and no fade (a transition per image would composite a layer each).
              className="h-full w-full object-cover"
              ref={abandonOnUnmount}
            />
          )
        ) : (
          <FileIcon type={item.type} suffix={item.suffix} />
        )}
        {selected && <div aria-hidden="true" className="absolute inset-0 bg-blue-600/15" />}
        {/* A pointer target only: the cell's aria-selected is what assistive technology reads. */}
        <span
          aria-hidden="true"
          data-checkbox
          className={cn(
            'absolute right-1.5 top-1.5 z-10 flex size-6 items-center justify-center',
            'rounded-full border-2 shadow',
            selected ? 'border-blue-700 bg-blue-700 text-white' : 'border-white bg-slate-900/40',
            // Hidden, not transparent: an invisible box is not painted, and a transparent one was
            // one more effect for Chromium to layerize on every tile of every frame.
            !(selected || showCheckbox) && 'invisible group-focus-visible:visible group-hover:visible',
          )}
        >
          {/* Only a selected tile shows the check: two elements fewer on every other tile. */}
          {selected && <Icon name="check" className="size-4" />}
        </span>
        {badges.length > 0 && (
          <div className="absolute left-1 top-1 flex flex-wrap gap-1">
            {badges.map((b) => (
              <span key={b} className="rounded bg-slate-900/85 px-1.5 py-0.5 text-[11px] font-medium text-white">
                {b}
              </span>
            ))}
          </div>
        )}
      </div>
    </div>
  )
})
