import { readFileSync } from 'node:fs';

/** 16-bit PCM audio: mono samples (channels averaged) at `sampleRate`. */
export interface PcmAudio {
  readonly sampleRate: number;
  readonly samples: Int16Array;
}

/** Reads a 16-bit PCM WAV file (RIFF/WAVE, format 1 or WAVE_FORMAT_EXTENSIBLE), any rate, mono or stereo. */
export function readWav(path: string): PcmAudio {
  return parseWav(readFileSync(path));
}

export function parseWav(data: Buffer): PcmAudio {
  if (data.toString('ascii', 0, 4) !== 'RIFF' || data.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  let at = 12;
  let channels = 0;
  let sampleRate = 0;
  let bits = 0;
  while (at + 8 <= data.length) {
    const id = data.toString('ascii', at, at + 4);
    // A writer still recording (or killed) leaves the data size at 0 or too large: read what is there.
    let size = data.readUInt32LE(at + 4);
    if (id === 'data' && (size === 0 || at + 8 + size > data.length)) size = data.length - at - 8;
    const body = data.subarray(at + 8, at + 8 + size);
    if (id === 'fmt ') {
      channels = body.readUInt16LE(2);
      sampleRate = body.readUInt32LE(4);
      bits = body.readUInt16LE(14);
    } else if (id === 'data') {
      if (bits !== 16 || channels < 1) throw new Error(`unsupported WAV: ${bits}-bit, ${channels} channels`);
      const frames = Math.floor(body.length / (2 * channels));
      const samples = new Int16Array(frames);
      for (let frame = 0; frame < frames; frame++) {
        let sum = 0;
        for (let channel = 0; channel < channels; channel++) sum += body.readInt16LE((frame * channels + channel) * 2);
        samples[frame] = Math.round(sum / channels);
      }
      return { sampleRate, samples };
    }
    at += 8 + size + (size % 2);
  }
  throw new Error('WAV file without a data chunk');
}

/**
 * The amplitude (in sample units, like a sine's peak) of `frequency` in `samples` (Goertzel algorithm over a
 * Hann window): a pure tone of peak A reads about A, other tones and silence about 0.
 */
export function toneAmplitude(samples: ArrayLike<number>, sampleRate: number, frequency: number): number {
  const n = samples.length;
  if (n === 0) return 0;
  const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / sampleRate);
  let previous = 0;
  let beforePrevious = 0;
  let windowSum = 0;
  for (let i = 0; i < n; i++) {
    const window = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1 || 1));
    windowSum += window;
    const current = samples[i] * window + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  const power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
  return (2 * Math.sqrt(Math.max(power, 0))) / windowSum;
}

/**
 * Throws unless `audio` carries `tone` in most 100 ms blocks (amplitude 1000 or more), well above `other` (a
 * party's own tone: an echo or a loop would carry that one).
 */
export function expectHears(audio: PcmAudio, tone: number, other: number): void {
  const report = analyseTones(audio, [tone, other]);
  const heard = report.presence >= 0.6 && report.amplitudes[tone] >= 1000;
  const clean = report.amplitudes[other] < report.amplitudes[tone] / 10;
  if (!heard || !clean) throw new Error(`expected to hear ${tone} Hz (not ${other} Hz): ${JSON.stringify(report)}`);
}

export interface ToneReport {
  /** Seconds of audio analysed. */
  readonly seconds: number;
  /** Amplitude of each asked frequency, the median over 100 ms blocks (robust to gaps and start-up). */
  readonly amplitudes: Record<number, number>;
  /** Share of 100 ms blocks in which `expect` (the first frequency asked) dominates. */
  readonly presence: number;
}

/**
 * Which of `frequencies` the audio carries: per 100 ms block, the Goertzel amplitude of each; a block "has"
 * the first frequency when it is at least 500 and 4x any other asked frequency.
 */
export function analyseTones(audio: PcmAudio, frequencies: readonly number[]): ToneReport {
  const block = Math.round(audio.sampleRate / 10);
  const perFrequency = frequencies.map(() => [] as number[]);
  let present = 0;
  let blocks = 0;
  for (let start = 0; start + block <= audio.samples.length; start += block) {
    const slice = audio.samples.subarray(start, start + block);
    const levels = frequencies.map((frequency) => toneAmplitude(slice, audio.sampleRate, frequency));
    levels.forEach((level, i) => perFrequency[i].push(level));
    blocks++;
    const [first, ...others] = levels;
    if (first >= 500 && others.every((other) => first >= 4 * other)) present++;
  }
  const median = (values: number[]) => {
    if (values.length === 0) return 0;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  };
  return {
    seconds: audio.samples.length / audio.sampleRate,
    amplitudes: Object.fromEntries(frequencies.map((frequency, i) => [frequency, Math.round(median(perFrequency[i]))])),
    presence: blocks === 0 ? 0 : present / blocks,
  };
}
