import { PerfplanError } from '../errors.js'

/** The refusal of a file past one of the readers' bounds: «Il file è troppo grande da leggere: …». */
export function tooLarge(what: string): PerfplanError {
  return new PerfplanError('TOO_LARGE', `Il file è troppo grande da leggere: ${what}.`)
}

/** Bytes as MiB with one decimal, Italian style ("0,4"). */
export function mib(bytes: number): string {
  return String(Math.round(bytes / 104857.6) / 10).replace('.', ',')
}
