// The kinds of file in the demo library: how often each comes, its MIME types, suffixes, words for
// names, and how large it may be.
import { FILE_TYPES } from '../wire/format'

export type Kind = { type: string; weight: number; mime: string[]; suffix: string[]; words: string[]; maxLog2Size: number }
export const KINDS: Kind[] = [
  {
    type: FILE_TYPES.image,
    weight: 34,
    mime: ['image/jpeg', 'image/png', 'image/webp', 'image/heic'],
    suffix: ['jpg', 'png', 'webp', 'heic'],
    words: ['IMG', 'Photo', 'Screenshot', '照片', 'Whiteboard', 'Site visit', 'Team offsite 🏔️', 'صورة'],
    maxLog2Size: 26,
  },
  {
    type: FILE_TYPES.video,
    weight: 9,
    mime: ['video/mp4', 'video/quicktime'],
    suffix: ['mp4', 'mov'],
    words: ['VID', 'Demo recording', '会议录像', 'Product launch 🎬', 'Drone footage'],
    maxLog2Size: 42,
  },
  {
    type: FILE_TYPES.word,
    weight: 10,
    mime: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    suffix: ['docx'],
    words: ['Report', 'Contract', '项目计划书', 'Meeting notes', 'خطة العمل', 'Design review'],
    maxLog2Size: 25,
  },
  {
    type: FILE_TYPES.excel,
    weight: 8,
    mime: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    suffix: ['xlsx'],
    words: ['Budget', 'Q3 forecast', '销售数据', 'Inventory', 'Headcount 📊'],
    maxLog2Size: 27,
  },
  {
    type: FILE_TYPES.powerpoint,
    weight: 6,
    mime: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    suffix: ['pptx'],
    words: ['Pitch deck', 'All hands', '年度总结', 'Roadmap 2027', 'Training'],
    maxLog2Size: 29,
  },
  {
    type: FILE_TYPES.audio,
    weight: 6,
    mime: ['audio/mpeg', 'audio/wav'],
    suffix: ['mp3', 'wav'],
    words: ['Interview', 'Podcast', '语音备忘录', 'Voice memo 🎙️'],
    maxLog2Size: 30,
  },
  {
    type: FILE_TYPES.archive,
    weight: 5,
    mime: ['application/zip', 'application/x-7z-compressed'],
    suffix: ['zip', '7z'],
    words: ['Backup', 'Assets', '归档', 'Logs', 'Disk image'],
    maxLog2Size: 43,
  },
  {
    type: FILE_TYPES.app,
    weight: 3,
    mime: ['application/vnd.android.package-archive', 'application/x-msdownload'],
    suffix: ['apk', 'exe'],
    words: ['Installer', 'App build', '客户端'],
    maxLog2Size: 31,
  },
  {
    type: FILE_TYPES.folder,
    weight: 7,
    mime: ['application/vnd.huawei-apps.folder'],
    suffix: [''],
    words: ['Projects', 'Shared with team', '设计稿', 'Invoices', 'مستندات', '📁 Archive'],
    maxLog2Size: 0,
  },
  {
    type: FILE_TYPES.other,
    weight: 12,
    mime: ['text/plain', 'application/pdf', 'text/markdown'],
    suffix: ['txt', 'pdf', 'md'],
    words: ['README', 'Specification', '说明', 'Invoice', 'שלום עולם', 'Notes ✍️'],
    maxLog2Size: 28,
  },
]
