// English and Simplified Chinese: chosen from the browser, switchable, remembered.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'

const en = {
  appName: 'KooDrive Favorites',
  favorites: 'Favorites',
  loading: 'Loading favorites…',
  loadingMore: 'Loading more favorites…',
  endOfList: 'That is all: {count} favorites',
  endOfListOne: 'That is all: 1 favorite',
  skipped: 'KooDrive also sent {count} entries that are not files; they are left out.',
  skippedOne: 'KooDrive also sent 1 entry that is not a file; it is left out.',
  emptyAll: 'No favorites yet. Star files in KooDrive and they appear here.',
  emptyFiltered: 'No favorites of this type.',
  showAll: 'Show all types',
  loadFailed: 'Could not load favorites',
  loadMoreFailed: 'Could not load more favorites',
  retry: 'Retry',
  autoDeleted: '{count} favorites went away because their files were deleted.',
  autoDeletedOne: '1 favorite went away because its file was deleted.',
  dismiss: 'Dismiss',
  fileType: 'File type',
  sort: 'Sort',
  newest: 'Newest first',
  oldest: 'Oldest first',
  thumbnailSize: 'Thumbnail size',
  small: 'Small',
  medium: 'Medium',
  large: 'Large',
  language: 'Language',
  theme: 'Theme',
  system: 'System',
  light: 'Light',
  dark: 'Dark',
  disconnect: 'Disconnect',
  'type.all': 'All',
  'type.folders': 'Folders',
  'type.images': 'Images',
  'type.videos': 'Videos',
  'type.word': 'Word',
  'type.excel': 'Excel',
  'type.powerpoint': 'PowerPoint',
  'type.audio': 'Audio',
  'type.archives': 'Archives',
  'type.apps': 'Apps',
  'type.others': 'Others',
  'badge.recycled': 'In recycle bin',
  'badge.expired': 'Expired',
  'badge.hidden': 'Hidden',
  today: 'Today',
  yesterday: 'Yesterday',
  thisWeek: 'This week',
  previewUnavailable: 'Preview unavailable',
  details: 'Details',
  size: 'Size',
  type: 'Type',
  location: 'Location',
  starred: 'Starred',
  created: 'Created',
  edited: 'Edited',
  owner: 'Owner',
  you: 'You',
  open: 'Open',
  download: 'Download',
  noLink: 'No download link',
  previous: 'Previous',
  next: 'Next',
  close: 'Close',
  'space.individual': 'Individual space',
  'space.team': 'Team space',
  'space.recycleBin': 'Recycle bin',
  'space.noAccess': 'No access',
  'space.other': 'Another space',
  connectTitle: 'Connect to KooDrive',
  connectIntro: 'Enter the access token and user ID of your KooDrive account.',
  connectHelp:
    'An administrator creates both in the KooDrive admin console under Open API: the access token from the app credentials, the user ID from the member list.',
  accessToken: 'Access token',
  userId: 'User ID',
  connect: 'Connect',
  connecting: 'Connecting…',
  connectRefused: 'KooDrive refused these credentials: {msg}',
  sessionExpired: 'Your session ended: {msg}. Connect again to continue where you were.',
  crashTitle: 'Something went wrong',
  crashBody: 'The page hit an error it could not handle. Your favorites in KooDrive are unchanged.',
  reload: 'Reload',
  traceId: 'Trace ID {id}',
  selection: 'Selection',
  selectedCount: '{count} selected',
  removeFromFavorites: 'Remove from favorites',
  addToFavorites: 'Add to favorites',
  clearSelection: 'Clear selection',
  select: 'Select',
  unselect: 'Unselect',
  selectGroup: 'Select all from {group}',
  unselectGroup: 'Unselect all from {group}',
  removed: 'Removed {count} from favorites',
  removedOne: 'Removed 1 from favorites',
  added: 'Added {count} back to favorites',
  addedOne: 'Added 1 back to favorites',
  undo: 'Undo',
  notRemoved: 'KooDrive kept {count} in favorites. They are back in place and still selected.',
  notRemovedOne: 'KooDrive kept 1 in favorites. It is back in place and still selected.',
  notAdded: 'KooDrive did not add {count} back to favorites.',
  notAddedOne: 'KooDrive did not add 1 back to favorites.',
  waitingForConnect: 'Your change is waiting: connect again and it is sent.',
  shortcuts: 'Keyboard shortcuts',
  viewOptions: 'View options',
  remove: 'Remove',
  add: 'Add',
  'key.arrows': 'Move between files',
  'key.homeEnd': 'First or last loaded file',
  'key.space': 'Select or unselect the focused file',
  'key.shiftArrows': 'Extend the selection',
  'key.selectAll': 'Select everything loaded',
  'key.group': "Select the focused file's date group",
  'key.escape': 'Clear the selection',
  'key.enter': 'Open the preview',
  'key.delete': 'Remove the selection from favorites',
  'key.help': 'Show these shortcuts',
  'key.click': 'Click, Ctrl/⌘-click, Shift-click, or drag from empty space to select',
}
export type MessageKey = keyof typeof en

const zh: Record<MessageKey, string> = {
  appName: 'KooDrive 收藏夹',
  favorites: '收藏夹',
  loading: '正在加载收藏…',
  loadingMore: '正在加载更多收藏…',
  endOfList: '已全部加载：共 {count} 个收藏',
  endOfListOne: '已全部加载：共 1 个收藏',
  skipped: 'KooDrive 还发送了 {count} 个不是文件的条目，已略去。',
  skippedOne: 'KooDrive 还发送了 1 个不是文件的条目，已略去。',
  emptyAll: '还没有收藏。在 KooDrive 中收藏文件后会显示在这里。',
  emptyFiltered: '没有此类型的收藏。',
  showAll: '显示全部类型',
  loadFailed: '无法加载收藏',
  loadMoreFailed: '无法加载更多收藏',
  retry: '重试',
  autoDeleted: '有 {count} 个收藏因原文件被删除而移除。',
  autoDeletedOne: '有 1 个收藏因原文件被删除而移除。',
  dismiss: '关闭',
  fileType: '文件类型',
  sort: '排序',
  newest: '最新优先',
  oldest: '最早优先',
  thumbnailSize: '缩略图大小',
  small: '小',
  medium: '中',
  large: '大',
  language: '语言',
  theme: '主题',
  system: '跟随系统',
  light: '浅色',
  dark: '深色',
  disconnect: '断开连接',
  'type.all': '全部',
  'type.folders': '文件夹',
  'type.images': '图片',
  'type.videos': '视频',
  'type.word': 'Word',
  'type.excel': 'Excel',
  'type.powerpoint': 'PowerPoint',
  'type.audio': '音频',
  'type.archives': '压缩包',
  'type.apps': '应用',
  'type.others': '其他',
  'badge.recycled': '在回收站中',
  'badge.expired': '已过期',
  'badge.hidden': '已隐藏',
  today: '今天',
  yesterday: '昨天',
  thisWeek: '本周',
  previewUnavailable: '无法预览',
  details: '详情',
  size: '大小',
  type: '类型',
  location: '位置',
  starred: '收藏时间',
  created: '创建时间',
  edited: '修改时间',
  owner: '所有者',
  you: '我',
  open: '打开',
  download: '下载',
  noLink: '没有下载链接',
  previous: '上一个',
  next: '下一个',
  close: '关闭',
  'space.individual': '个人空间',
  'space.team': '团队空间',
  'space.recycleBin': '回收站',
  'space.noAccess': '无权限空间',
  'space.other': '其他空间',
  connectTitle: '连接 KooDrive',
  connectIntro: '请输入 KooDrive 账号的访问令牌和用户 ID。',
  connectHelp: '管理员可在 KooDrive 管理控制台的“开放 API”中获取：访问令牌来自应用凭证，用户 ID 来自成员列表。',
  accessToken: '访问令牌',
  userId: '用户 ID',
  connect: '连接',
  connecting: '正在连接…',
  connectRefused: 'KooDrive 拒绝了这些凭证：{msg}',
  sessionExpired: '会话已结束：{msg}。重新连接后将回到原来的位置。',
  crashTitle: '出错了',
  crashBody: '页面遇到无法处理的错误。您在 KooDrive 中的收藏没有改变。',
  reload: '重新加载',
  traceId: '跟踪 ID {id}',
  selection: '所选项',
  selectedCount: '已选择 {count} 项',
  removeFromFavorites: '取消收藏',
  addToFavorites: '加入收藏',
  clearSelection: '清除选择',
  select: '选择',
  unselect: '取消选择',
  selectGroup: '选择{group}的全部文件',
  unselectGroup: '取消选择{group}的全部文件',
  removed: '已取消收藏 {count} 个文件',
  removedOne: '已取消收藏 1 个文件',
  added: '已重新收藏 {count} 个文件',
  addedOne: '已重新收藏 1 个文件',
  undo: '撤销',
  notRemoved: 'KooDrive 保留了 {count} 个收藏，它们已回到原位并保持选中。',
  notRemovedOne: 'KooDrive 保留了 1 个收藏，它已回到原位并保持选中。',
  notAdded: 'KooDrive 未能重新收藏 {count} 个文件。',
  notAddedOne: 'KooDrive 未能重新收藏 1 个文件。',
  waitingForConnect: '你的更改正在等待：重新连接后即会发送。',
  shortcuts: '键盘快捷键',
  viewOptions: '视图选项',
  remove: '移除',
  add: '添加',
  'key.arrows': '在文件之间移动',
  'key.homeEnd': '第一个或最后一个已加载的文件',
  'key.space': '选择或取消选择当前文件',
  'key.shiftArrows': '扩展选择',
  'key.selectAll': '选择所有已加载的文件',
  'key.group': '选择当前文件所在日期组',
  'key.escape': '清除选择',
  'key.enter': '打开预览',
  'key.delete': '将所选文件取消收藏',
  'key.help': '显示这些快捷键',
  'key.click': '单击、Ctrl/⌘ 单击、Shift 单击，或从空白处拖动来选择',
}

export type Locale = 'en' | 'zh-CN'
export const LOCALES: { id: Locale; label: string }[] = [
  { id: 'en', label: 'English' },
  { id: 'zh-CN', label: '简体中文' },
]
const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zh }
const KEY = 'koodrive.locale'

export function detectLocale(saved: string | null, languages: readonly string[]): Locale {
  if (saved === 'en' || saved === 'zh-CN') return saved
  return languages
    .find((l) => /^(en|zh)\b/i.test(l))
    ?.toLowerCase()
    .startsWith('zh')
    ? 'zh-CN'
    : 'en'
}

export function makeI18n(locale: Locale) {
  const messages = MESSAGES[locale]
  const number = new Intl.NumberFormat(locale)
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const
  return {
    locale,
    /** Never throws: a key no catalog has (one built from data) shows as itself. */
    t(key: MessageKey, params: Record<string, string | number> = {}): string {
      const message: string = (Object.hasOwn(messages, key) ? messages[key] : undefined) ?? (Object.hasOwn(en, key) ? en[key] : key)
      return message.replace(/\{(\w+)\}/g, (_, name: string) =>
        typeof params[name] === 'number' ? number.format(params[name]) : String(params[name] ?? ''),
      )
    },
    date: (ms: number | undefined) => (ms === undefined ? '—' : dateTime.format(ms)),
    /** 1024-based sizes with the unit names of the locale. */
    size(bytes: number | undefined): string {
      if (bytes === undefined) return '—'
      let value = bytes
      let unit = 0
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024
        unit++
      }
      return new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: units[unit],
        unitDisplay: unit === 0 ? 'long' : 'short',
        maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1,
      }).format(value)
    },
  }
}
export type I18n = ReturnType<typeof makeI18n> & { setLocale: (l: Locale) => void }

const I18nContext = createContext<I18n | null>(null)

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(
    () => initial ?? detectLocale(localStorage.getItem(KEY), navigator.languages ?? [navigator.language]),
  )
  useEffect(() => {
    // The `language` header of every API call follows this too (see app.tsx).
    document.documentElement.lang = locale
  }, [locale])
  const value = useMemo(
    () => ({
      ...makeI18n(locale),
      setLocale: (l: Locale) => {
        localStorage.setItem(KEY, l)
        setLocaleState(l)
      },
    }),
    [locale],
  )
  return <I18nContext value={value}>{children}</I18nContext>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n needs an I18nProvider')
  return value
}
