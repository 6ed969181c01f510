import { describe, expect, it } from 'vitest'
import { filterByName, matchRanges, matches } from '../../../src/favorites/search/match'
import { byName, bySize } from '../../../src/favorites/search/order'
import { queryWords } from '../../../src/favorites/search/use-search'
import { favorite } from '../../support/fixtures'

const marked = (name: string, query: string) => matchRanges(name, queryWords(query)).map(([a, b]) => name.slice(a, b))

describe('matching names', () => {
  it('needs every word, in any order, ignoring case', () => {
    expect(matches('Q3 Budget Review.xlsx', queryWords('review budget'))).toBe(true)
    expect(matches('Q3 Budget Review.xlsx', queryWords('REVIEW'))).toBe(true)
    expect(matches('Q3 Budget Review.xlsx', queryWords('budget plan'))).toBe(false)
    expect(queryWords('   ')).toEqual([])
  })

  it('matches Chinese as substrings, with no spaces needed', () => {
    expect(matches('2026年度总结.pptx', queryWords('总结'))).toBe(true)
    expect(matches('2026年度总结.pptx', queryWords('年度 2026'))).toBe(true)
    expect(matches('项目计划书.docx', queryWords('总结'))).toBe(false)
    expect(marked('2026年度总结.pptx', '总结')).toEqual(['总结'])
  })

  it('folds full-width and half-width forms both ways (NFKC)', () => {
    expect(matches('Photo 12.png', queryWords('ＰＨＯＴＯ １２'))).toBe(true)
    expect(matches('ＲＥＡＤＭＥ.md', queryWords('readme'))).toBe(true)
    expect(matches('ｶﾀｶﾅ.txt', queryWords('カタカナ'))).toBe(true)
    // The marks are on the name as written, full-width characters included.
    expect(marked('ＲＥＡＤＭＥ.md', 'read')).toEqual(['ＲＥＡＤ'])
  })

  it('marks every occurrence of every word, merged where they touch, at the right place after folding', () => {
    expect(marked('report-report.pdf', 'report')).toEqual(['report', 'report'])
    expect(marked('Annual report', 'annual rep')).toEqual(['Annual', 'rep'])
    expect(marked('abcdef', 'abc cde')).toEqual(['abcde'])
    // "ﬁ" is one character that folds to two: the mark covers it whole.
    expect(marked('ﬁnal.pdf', 'fin')).toEqual(['ﬁn'])
    expect(matchRanges('anything', [])).toEqual([])
  })

  it('keeps the list as it is for an empty query, and the order of the matches', () => {
    const list = [favorite('a', { name: 'Photo 2' }), favorite('b', { name: 'Report' }), favorite('c', { name: 'photo 1' })]
    expect(filterByName(list, [])).toBe(list)
    expect(filterByName(list, queryWords('photo')).map((f) => f.id)).toEqual(['a', 'c'])
  })
})

describe('sorting by name and size', () => {
  const names = (list: { name: string }[]) => list.map((f) => f.name)

  it('puts numbers in natural order: File 2 before File 10', () => {
    const list = ['File 10.txt', 'file 2.txt', 'File 1.txt', 'File 02b.txt'].map((name, i) => favorite(String(i), { name }))
    expect(names(byName(list, 'en'))).toEqual(['File 1.txt', 'file 2.txt', 'File 02b.txt', 'File 10.txt'])
  })

  it('orders Chinese names by pinyin in 简体中文', () => {
    // bao, he, nian, zhao
    const list = ['照片.png', '合同.pdf', '报告.docx', '年度总结.pptx'].map((name, i) => favorite(String(i), { name }))
    expect(names(byName(list, 'zh-CN'))).toEqual(['报告.docx', '合同.pdf', '年度总结.pptx', '照片.png'])
  })

  it('sorts by size largest first, files without a size last, ties in their starred order', () => {
    const list = [
      favorite('a', { name: 'a', size: 10 }),
      favorite('b', { name: 'b' }),
      favorite('c', { name: 'c', size: 2048 }),
      favorite('d', { name: 'd', size: 10 }),
    ]
    expect(bySize(list).map((f) => f.id)).toEqual(['c', 'a', 'd', 'b'])
    expect(list.map((f) => f.id)).toEqual(['a', 'b', 'c', 'd'])
  })
})
