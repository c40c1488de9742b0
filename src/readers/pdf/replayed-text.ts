import { normalizeUnicode, OPS } from './pdfjs.js'
import { IDENTITY, multiply, type Matrix } from './geometry.js'
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'

/*
 * A page's text as pdf.js's getTextContent gives it, worked out from the page's operator
 * list instead. Both parse the whole content stream and load every font, and the text pass
 * costs half again as much as the drawing one: replaying the operator list's glyphs (each
 * with its character and advance width) through the same assembly of text items reads each
 * page's content stream once.
 *
 * The assembly below follows pdf.js 5's PartialEvaluator.getTextContent step by step: the
 * same text state, the same thresholds for a space between glyphs (0.102 to 0.6 of the font
 * size), a new line (a vertical shift over a quarter of the height) or a new item (a jump
 * back), the same Unicode normalisation. A page it does not cover gives null, and is read with
 * getTextContent: vertical or Type 3 fonts, right-to-left text, a font set by a graphics state
 * (/ExtGState /Font), a font pdf.js did not hand over. Text pdf.js does not extract is left
 * out too: annotations' appearances and the forms of soft masks. The operator list keeps text
 * and form matrices as 32-bit floats; they are read back as the decimals the file wrote
 * (`written`). test/replayed-text.test.ts holds the replay to getTextContent on every bundled
 * PDF, so a pdf.js whose text assembly changes fails there first.
 */

/** A text item, with the fields of pdf.js's TextItem that the reader uses. */
export interface TextItem {
  str: string
  width: number
  height: number
  transform: number[]
  fontName: string
}

/** What pdf.js hands over of a font (page.commonObjs), as far as text assembly needs it. */
interface FontData {
  name?: string
  vertical?: boolean
  isType3Font?: boolean
  fontMatrix?: number[]
}

/** A glyph of a showText operation, as the operator list carries it. */
interface Glyph {
  unicode: string
  width: number
  originalCharCode: number
  vmetric?: unknown
}

const FONT_IDENTITY = [0.001, 0, 0, 0.001, 0, 0]
// pdf.js's factors of the font size (evaluator.js, getTextContent).
const TRACKING_SPACE_FACTOR = 0.102
const NOT_A_SPACE_FACTOR = 0.03
const NEGATIVE_SPACE_FACTOR = -0.2
const SPACE_IN_FLOW_MIN_FACTOR = 0.102
const SPACE_IN_FLOW_MAX_FACTOR = 0.6
const VERTICAL_SHIFT_RATIO = 0.25
/** Characters pdf.js's bidi algorithm would reorder (Hebrew, Arabic, Syriac, their presentation forms). */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u
const IMAGE_XOBJECTS = new Set<number>([OPS.paintImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintSolidColorImageMask])

/** A glyph's Unicode category as pdf.js sorts it (core/unicode.js, getCharUnicodeCategory). */
interface Category {
  isWhitespace: boolean
  isZeroWidthDiacritic: boolean
  isInvisibleFormatMark: boolean
}
const SPECIAL_CHAR = /^(\s)|(\p{Mn})|(\p{Cf})$/u
const categories = new Map<string, Category>()
function categoryOf(char: string): Category {
  let category = categories.get(char)
  if (!category) {
    const groups = char.match(SPECIAL_CHAR)
    category = { isWhitespace: !!groups?.[1], isZeroWidthDiacritic: !!groups?.[2], isInvisibleFormatMark: !!groups?.[3] }
    categories.set(char, category)
  }
  return category
}

/** pdf.js's TextState: the graphics and text state text assembly follows. */
class TextState {
  ctm: Matrix = IDENTITY
  fontName: string | null = null
  fontSize = 0
  font: FontData | null = null
  fontMatrix: number[] = FONT_IDENTITY
  textMatrix: number[] = IDENTITY.slice()
  textLineMatrix: number[] = IDENTITY.slice()
  charSpacing = 0
  wordSpacing = 0
  leading = 0
  textHScale = 1
  textRise = 0

  translateTextMatrix(x: number, y: number): void {
    const m = this.textMatrix
    m[4] = m[0]! * x + m[2]! * y + m[4]!
    m[5] = m[1]! * x + m[3]! * y + m[5]!
  }
  translateTextLineMatrix(x: number, y: number): void {
    const m = this.textLineMatrix
    m[4] = m[0]! * x + m[2]! * y + m[4]!
    m[5] = m[1]! * x + m[3]! * y + m[5]!
  }
  carriageReturn(): void {
    this.translateTextLineMatrix(0, -this.leading)
    this.textMatrix = this.textLineMatrix.slice()
  }
  clone(): TextState {
    const clone = Object.assign(Object.create(TextState.prototype) as TextState, this)
    clone.textMatrix = this.textMatrix.slice()
    clone.textLineMatrix = this.textLineMatrix.slice()
    clone.fontMatrix = this.fontMatrix.slice()
    return clone
  }
}

/** Signals a page the replay does not cover. */
class NotCovered extends Error {}

/**
 * One content stream's text assembly: the page's, or a form XObject's (pdf.js assembles a
 * form's text with a fresh item and state of its own, starting from the state at the form).
 */
class Assembly {
  readonly stack: TextState[] = []
  state: TextState
  current: TextState | null = null
  // The item being built (pdf.js's textContentItem).
  initialized = false
  str: string[] = []
  totalWidth = 0
  totalHeight = 0
  width = 0
  height = 0
  /** The text transform after the last glyph that moved the pen (pdf.js's prevTransform), once there is one. */
  readonly prevTransform = new Float64Array(6)
  hasPrevTransform = false
  /** The current glyph's text transform, worked out in place (one per glyph: no array made). */
  readonly currentTransform = new Float64Array(6)
  prevTextRise = 0
  textAdvanceScale = 0
  spaceInFlowMin = 0
  spaceInFlowMax = 0
  trackingSpaceMin = Infinity
  negativeSpaceMax = -Infinity
  notASpace = -Infinity
  transform: number[] = IDENTITY
  fontName = ''
  // The last two characters, to put back a space pdf.js dropped between words.
  readonly lastChars = [' ', ' ']
  lastCharsPos = 0

  constructor(
    state: TextState,
    private readonly items: TextItem[],
    private readonly view: number[],
  ) {
    this.state = state
  }

  saveLastChar(char: string): boolean {
    const nextPos = (this.lastCharsPos + 1) % 2
    const ret = this.lastChars[this.lastCharsPos] !== ' ' && this.lastChars[nextPos] === ' '
    this.lastChars[this.lastCharsPos] = char
    this.lastCharsPos = nextPos
    return ret
  }
  shouldAddWhitespace(): boolean {
    return this.lastChars[this.lastCharsPos] !== ' ' && this.lastChars[(this.lastCharsPos + 1) % 2] === ' '
  }
  resetLastChars(): void {
    this.lastChars[0] = this.lastChars[1] = ' '
    this.lastCharsPos = 0
  }

  /**
   * pdf.js's getCurrentTextTransform, ctm × textMatrix × [fontSize × hScale, 0, 0, fontSize,
   * 0, rise], multiplied out into `out`.
   */
  currentTextTransform<T extends number[] | Float64Array>(out: T): T {
    const { ctm: c, textMatrix: t, fontSize, textHScale, textRise } = this.state
    const size = fontSize * textHScale
    const p0 = t[0]! * size
    const p1 = t[1]! * size
    const p2 = t[2]! * fontSize
    const p3 = t[3]! * fontSize
    const p4 = t[2]! * textRise + t[4]!
    const p5 = t[3]! * textRise + t[5]!
    out[0] = c[0]! * p0 + c[2]! * p1
    out[1] = c[1]! * p0 + c[3]! * p1
    out[2] = c[0]! * p2 + c[2]! * p3
    out[3] = c[1]! * p2 + c[3]! * p3
    out[4] = c[0]! * p4 + c[2]! * p5 + c[4]!
    out[5] = c[1]! * p4 + c[3]! * p5 + c[5]!
    return out
  }

  ensureItem(): void {
    if (this.initialized) return
    const s = this.state
    this.fontName = s.fontName as string
    const trm = (this.transform = this.currentTextTransform(new Array<number>(6)))
    this.width = this.totalWidth = 0
    this.height = this.totalHeight = Math.hypot(trm[2]!, trm[3]!)
    this.textAdvanceScale = Math.hypot(s.ctm[0]!, s.ctm[1]!) * Math.hypot(s.textLineMatrix[0]!, s.textLineMatrix[1]!)
    this.trackingSpaceMin = s.fontSize * TRACKING_SPACE_FACTOR
    this.notASpace = s.fontSize * NOT_A_SPACE_FACTOR
    this.negativeSpaceMax = s.fontSize * NEGATIVE_SPACE_FACTOR
    this.spaceInFlowMin = s.fontSize * SPACE_IN_FLOW_MIN_FACTOR
    this.spaceInFlowMax = s.fontSize * SPACE_IN_FLOW_MAX_FACTOR
    this.initialized = true
  }

  updateAdvanceScale(): void {
    if (!this.initialized) return
    const s = this.state
    const scale = Math.hypot(s.ctm[0]!, s.ctm[1]!) * Math.hypot(s.textLineMatrix[0]!, s.textLineMatrix[1]!)
    if (scale === this.textAdvanceScale) return
    this.totalWidth += this.width * this.textAdvanceScale
    this.width = 0
    this.textAdvanceScale = scale
  }

  flush(): void {
    if (!this.initialized) return
    this.totalWidth += this.width * this.textAdvanceScale
    const str = normalizeUnicode(this.str.join(''))
    if (RIGHT_TO_LEFT.test(str)) throw new NotCovered()
    this.items.push({ str, width: Math.abs(this.totalWidth), height: Math.abs(this.totalHeight), transform: this.transform, fontName: this.fontName })
    this.initialized = false
    this.str.length = 0
  }

  /** pdf.js's appendEOL; an empty item marking the end of a line is not kept. */
  endOfLine(): void {
    this.resetLastChars()
    if (this.initialized) this.flush()
  }

  /** pdf.js's addFakeSpaces: a gap of a space's width is a space in the item, a wider one ends it. */
  fakeSpaces(width: number, orientation: number): boolean {
    if (orientation * this.spaceInFlowMin <= width && width <= orientation * this.spaceInFlowMax) {
      if (this.initialized) {
        this.resetLastChars()
        this.str.push(' ')
      }
      return false
    }
    this.flush()
    this.resetLastChars()
    return true
  }

  /** pdf.js's compareWithLastPosition, for horizontal text: false when the glyph is off the page. */
  compareWithLastPosition(glyphWidth: number): boolean {
    const current = this.currentTextTransform(this.currentTransform)
    let posX = current[4]!
    let posY = current[5]!
    const view = this.view
    if (posX + glyphWidth < view[0]! || posX > view[2]! || posY < view[1]! || posY > view[3]!) return false
    if (!this.state.font || !this.hasPrevTransform) return true
    let lastX = this.prevTransform[4]!
    let lastY = this.prevTransform[5]!
    if (lastX === posX && lastY === posY) return true
    let rotate = -1
    if (current[0] && current[1] === 0 && current[2] === 0) rotate = current[0] > 0 ? 0 : 180
    else if (current[1] && current[0] === 0 && current[3] === 0) rotate = current[1] > 0 ? 90 : 270
    if (rotate === 90) [posX, posY, lastX, lastY] = [posY, posX, lastY, lastX]
    else if (rotate === 180) [posX, posY, lastX, lastY] = [-posX, -posY, -lastX, -lastY]
    else if (rotate === 270) [posX, posY, lastX, lastY] = [-posY, -posX, -lastY, -lastX]
    else if (rotate === -1) {
      ;[posX, posY] = inverseRotation(posX, posY, current)
      ;[lastX, lastY] = inverseRotation(lastX, lastY, this.prevTransform)
    }
    const advanceX = (posX - lastX) / this.textAdvanceScale
    const advanceY = posY - lastY
    const orientation = Math.sign(this.width || this.totalWidth)
    if (advanceX < orientation * this.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * this.height) {
        this.endOfLine()
        return true
      }
      this.resetLastChars()
      this.flush()
      return true
    }
    const riseDelta = this.state.textRise - this.prevTextRise
    const advanceYCorrected = riseDelta === 0 ? advanceY : advanceY - (current[3]! / this.state.fontSize) * riseDelta
    if (Math.abs(advanceYCorrected) > this.height) {
      this.endOfLine()
      return true
    }
    if (advanceX <= orientation * this.notASpace) this.resetLastChars()
    if (advanceX <= orientation * this.trackingSpaceMin) {
      if (this.shouldAddWhitespace()) {
        this.resetLastChars()
        this.flush()
      } else this.width += advanceX
    } else if (!this.fakeSpaces(advanceX, orientation)) {
      if (this.str.length === 0) this.resetLastChars()
      else this.width += advanceX
    }
    if (Math.abs(advanceY) > this.height * VERTICAL_SHIFT_RATIO) this.flush()
    return true
  }

  /** pdf.js's buildTextContentItem: one run of glyphs, then `extraSpacing` (a TJ number) after its last. */
  showGlyphs(glyphs: Glyph[], extraSpacing: number): void {
    const s = this.state
    const current = this.current as TextState
    if (current !== s && (current.fontSize !== s.fontSize || (current.fontName !== s.fontName && (current.font?.name !== s.font?.name || current.font?.vertical !== s.font?.vertical)))) {
      this.flush()
      this.current = s.clone()
    }
    const baseCharSpacing = s.charSpacing
    if (glyphs.length === 0) {
      const charSpacing = baseCharSpacing + extraSpacing
      if (charSpacing) s.translateTextMatrix(charSpacing * s.textHScale, 0)
      return
    }
    const scale = s.fontMatrix[0]! * s.fontSize
    for (let i = 0, ii = glyphs.length; i < ii; i++) {
      const glyph = glyphs[i] as Glyph
      const category = categoryOf(glyph.unicode)
      if (category.isInvisibleFormatMark) continue
      let charSpacing = baseCharSpacing + (i + 1 === ii ? extraSpacing : 0)
      let scaledDim = glyph.width * scale
      if (glyph.originalCharCode === 0x20) charSpacing += s.wordSpacing
      if (category.isWhitespace) {
        charSpacing += scaledDim
        s.translateTextMatrix(charSpacing * s.textHScale, 0)
        this.saveLastChar(' ')
        continue
      }
      if (!category.isZeroWidthDiacritic && !this.compareWithLastPosition(scaledDim)) {
        s.translateTextMatrix(scaledDim * s.textHScale, 0)
        continue
      }
      this.ensureItem()
      if (category.isZeroWidthDiacritic) scaledDim = 0
      scaledDim *= s.textHScale
      s.translateTextMatrix(scaledDim, 0)
      this.width += scaledDim
      if (scaledDim) {
        this.currentTextTransform(this.prevTransform)
        this.hasPrevTransform = true
        this.prevTextRise = s.textRise
      }
      if (this.saveLastChar(glyph.unicode)) this.str.push(' ')
      this.str.push(glyph.unicode)
      if (charSpacing) s.translateTextMatrix(charSpacing * s.textHScale, 0)
    }
  }
}

/**
 * The number as the content stream wrote it, from the 32-bit float the operator list keeps:
 * the shortest decimal that rounds to that float. Writers print a few decimals ("278.291"),
 * and this gives them back exactly; a longer number comes back within the float's precision.
 */
function written(value: number): number {
  for (let digits = 1; digits < 10; digits++) {
    const decimal = Number(value.toPrecision(digits))
    if (Math.fround(decimal) === value) return decimal
  }
  return value
}

function inverseRotation(x: number, y: number, m: ArrayLike<number>): [number, number] {
  const scale = Math.hypot(m[0]!, m[1]!)
  return [(m[0]! * x + m[1]! * y) / scale, (m[2]! * x + m[3]! * y) / scale]
}

/** The operator list as pdf.js gives it (PDFPageProxy.getOperatorList). */
export interface OperatorList {
  fnArray: number[]
  argsArray: unknown[]
}

/**
 * The page's text items, as getTextContent would give them, from its operator list; null
 * when the page holds what the replay does not cover (see above).
 */
export function replayText(operators: OperatorList, page: PDFPageProxy): TextItem[] | null {
  const items: TextItem[] = []
  const view = page.view as number[]
  const fonts = new Map<string, FontData | null>()
  const fontOf = (id: string): FontData | null => {
    let font = fonts.get(id)
    if (font === undefined) {
      font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as FontData) : null
      fonts.set(id, font)
    }
    return font
  }
  let assembly = new Assembly(new TextState(), items, view)
  const outer: Assembly[] = []
  let annotation = 0
  // Groups opened inside a soft mask, the mask's own group included (0: not in a mask).
  let mask = 0
  try {
    const { fnArray, argsArray } = operators
    for (let i = 0; i < fnArray.length; i++) {
      const fn = fnArray[i]
      const args = argsArray[i] as unknown[]
      if (fn === OPS.beginAnnotation) annotation++
      else if (fn === OPS.endAnnotation) annotation--
      else if (fn === OPS.beginGroup && (mask > 0 || (args[0] as { smask?: unknown } | undefined)?.smask)) mask++
      else if (fn === OPS.endGroup && mask > 0) {
        mask--
        continue
      }
      // getTextContent reads the page's content, not its annotations' appearances nor the
      // forms of soft masks (/ExtGState /SMask), which the operator list draws in place.
      if (annotation > 0 || fn === OPS.endAnnotation || mask > 0) continue
      assembly.current ??= assembly.state.clone()
      const s = assembly.state
      switch (fn) {
        case OPS.save:
          assembly.stack.push(s)
          assembly.state = s.clone()
          break
        case OPS.restore:
          assembly.state = assembly.stack.pop() ?? s
          break
        case OPS.transform:
          s.ctm = multiply(args as Matrix, s.ctm)
          break
        case OPS.setFont: {
          const [id, size] = args as [string, number]
          const font = fontOf(id)
          if (!font || font.vertical || font.isType3Font) throw new NotCovered()
          s.fontName = id
          s.fontSize = size
          s.font = font
          s.fontMatrix = font.fontMatrix ?? FONT_IDENTITY
          break
        }
        case OPS.setGState:
          if ((args[0] as [string, unknown][]).some(([key]) => key === 'Font')) throw new NotCovered()
          break
        case OPS.setTextRise:
          s.textRise = args[0] as number
          break
        case OPS.setHScale:
          s.textHScale = (args[0] as number) / 100
          break
        case OPS.setLeading:
          s.leading = args[0] as number
          break
        case OPS.moveText:
          s.translateTextLineMatrix(args[0] as number, args[1] as number)
          s.textMatrix = s.textLineMatrix.slice()
          break
        case OPS.setLeadingMoveText:
          s.leading = -(args[1] as number)
          s.translateTextLineMatrix(args[0] as number, args[1] as number)
          s.textMatrix = s.textLineMatrix.slice()
          break
        case OPS.nextLine:
          s.carriageReturn()
          break
        case OPS.setTextMatrix: {
          const m = Array.from((typeof args[0] === 'number' ? args : args[0]) as ArrayLike<number>, written)
          s.textMatrix = m
          s.textLineMatrix = m.slice()
          assembly.updateAdvanceScale()
          break
        }
        case OPS.setCharSpacing:
          s.charSpacing = args[0] as number
          break
        case OPS.setWordSpacing:
          s.wordSpacing = args[0] as number
          break
        case OPS.beginText:
          s.textMatrix = IDENTITY.slice()
          s.textLineMatrix = IDENTITY.slice()
          break
        case OPS.showText:
          if (s.font) showText(assembly, args[0] as (Glyph | number)[])
          break
        case OPS.beginMarkedContent:
        case OPS.beginMarkedContentProps:
        case OPS.endMarkedContent:
          assembly.flush()
          break
        case OPS.paintFormXObjectBegin: {
          // pdf.js reads a form's text with the state at the form, moved by the form's matrix.
          assembly.flush()
          const state = s.clone()
          const matrix = args[0] as ArrayLike<number> | null
          if (matrix) state.ctm = multiply(Array.from(matrix, written) as Matrix, state.ctm)
          outer.push(assembly)
          assembly = new Assembly(state, items, view)
          break
        }
        case OPS.paintFormXObjectEnd:
          assembly.flush()
          assembly = outer.pop() ?? assembly
          break
        default:
          // Text is cut where an image XObject is painted.
          if (IMAGE_XOBJECTS.has(fn as number)) assembly.flush()
      }
    }
    while (outer.length > 0) {
      assembly.flush()
      assembly = outer.pop() as Assembly
    }
    assembly.flush()
  } catch {
    // Not covered, or an operator list shaped in a way not foreseen here: either way the page
    // is not lost, getTextContent reads it.
    return null
  }
  return items
}

/**
 * A showText operation: its glyphs, split where a TJ number moves the next glyph (pdf.js's
 * showSpacedText, which the operator list turns into one showText of glyphs and numbers).
 */
function showText(assembly: Assembly, elements: (Glyph | number)[]): void {
  const s = assembly.state
  const spaceFactor = -s.fontSize / 1000
  let run: Glyph[] = []
  for (const element of elements) {
    if (typeof element !== 'number') run.push(element)
    else if (element !== 0) {
      assembly.showGlyphs(run, element * spaceFactor)
      run = []
    }
  }
  if (run.length > 0 || elements.length === 0) assembly.showGlyphs(run, 0)
}
